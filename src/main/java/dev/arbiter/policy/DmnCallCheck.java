package dev.arbiter.policy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Refuses DMN files that could reach Java: a {@code functionDefinition} of kind Java or PMML, and a FEEL
 * {@code external} function (whose {@code java: { class: ..., method signature: ... }} calls any static method on the
 * class path). Decision tables and FEEL expressions without them can only compute. Reads the text only; malformed
 * XML is left to the DMN compiler's own report. Thread-safe (stateless).
 */
final class DmnCallCheck {

    private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");

    private DmnCallCheck() {
    }

    /**
     * @param files DMN files, path to content; not null
     * @return one ERROR per Java-reaching function, with file, line and column; empty when there is none
     */
    static List<PolicyProblem> check(Map<String, String> files) {
        List<PolicyProblem> problems = new ArrayList<>();
        files.forEach((file, content) -> check(file, content, problems));
        return problems;
    }

    private static void check(String file, String content, List<PolicyProblem> problems) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new StringReader(content)), new Finder(file, problems));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            // Not well-formed, or a DOCTYPE: DmnPolicy reports it with its position.
        }
    }

    /** Collects the refused constructs with the position where each starts. */
    private static final class Finder extends DefaultHandler {
        private final String file;
        private final List<PolicyProblem> problems;
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private int textLine;
        private int textColumn;

        Finder(String file, List<PolicyProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            String kind = attributes.getValue("kind");
            if ("functionDefinition".equals(localName) && kind != null && !kind.toUpperCase(Locale.ROOT).startsWith("F")) {
                problems.add(PolicyProblem.error(file, locator.getLineNumber(), locator.getColumnNumber(), attributes.getValue("name"),
                        "A functionDefinition of kind " + kind + " calls Java or PMML code: only FEEL functions are allowed in policy models"));
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text.isEmpty()) {
                textLine = locator.getLineNumber();
                textColumn = locator.getColumnNumber();
            }
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
        }

        private void flushText() {
            if (EXTERNAL_FUNCTION.matcher(text).find()) {
                problems.add(PolicyProblem.error(file, textLine, textColumn, null,
                        "A FEEL external function calls Java code (external { java: ... }): only FEEL functions are allowed in policy models"));
            }
            text.setLength(0);
        }
    }
}
