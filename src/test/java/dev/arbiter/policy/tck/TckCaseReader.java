package dev.arbiter.policy.tck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/** Reads a TCK test file ({@code testCases.xsd}) into a {@link TckFile}. */
final class TckCaseReader {

    private TckCaseReader() {
    }

    static TckFile read(Path file) throws IOException {
        Element root = TckXml.parse(file).getDocumentElement();
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        List<TckCase> cases = new ArrayList<>();
        for (Element testCase : TckXml.children(root, "testCase")) {
            cases.add(testCase(testCase));
        }
        return new TckFile(name, TckXml.childText(root, "modelName"), cases);
    }

    private static TckCase testCase(Element testCase) {
        List<TckCase.Input> inputs = new ArrayList<>();
        for (Element input : TckXml.children(testCase, "inputNode")) {
            inputs.add(new TckCase.Input(input.getAttribute("name"), XsdValues.read(input), XsdValues.read(input, XsdValues.Form.JSON)));
        }
        List<TckCase.Result> results = new ArrayList<>();
        for (Element result : TckXml.children(testCase, "resultNode")) {
            List<Element> expected = TckXml.children(result, "expected");
            results.add(new TckCase.Result(result.getAttribute("name"), Boolean.parseBoolean(result.getAttribute("errorResult")),
                    expected.isEmpty() ? null : XsdValues.read(expected.get(0))));
        }
        String invocable = "decisionService".equals(testCase.getAttribute("type")) ? TckXml.attribute(testCase, "invocableName") : null;
        return new TckCase(testCase.getAttribute("id"), TckXml.childText(testCase, "description"), invocable, inputs, results);
    }
}
