package dev.arbiter.policy;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;

/**
 * Static analysis of DMN models with KIE's validator: schema and model checks, and decision-table analysis
 * (gaps and overlaps in UNIQUE tables, hit-policy problems, masked rows). Findings the engine treats as errors are
 * errors; the table analysis is reported as warnings so a policy owner sees them without being blocked. The
 * validator is expensive to create, so one instance is shared; calls are serialised.
 */
final class DmnAnalysis {

    private static DMNValidator validator;

    /** A quoted token in a validator message, such as the id in "multiple occurrences of ID value 'route-orders'". */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^']+)'");

    private DmnAnalysis() {
    }

    /** Adds what the analysis finds in {@code files} (path to DMN XML) to {@code problems}. */
    static void analyse(Map<String, String> files, List<PolicyProblem> problems) {
        if (files.isEmpty()) {
            return;
        }
        Reader[] readers = files.values().stream().map(content -> (Reader) new StringReader(content)).toArray(Reader[]::new);
        List<DMNMessage> messages;
        try {
            messages = validate(readers);
        } catch (RuntimeException e) {
            problems.add(PolicyProblem.warning("dmn-models", null, "The decision-table analysis could not run: " + e.getMessage()));
            return;
        }
        boolean errorFound = messages.stream().anyMatch(message -> message.getSeverity() == DMNMessage.Severity.ERROR
                && !isConsequence(message));
        for (DMNMessage message : messages) {
            if (isNoise(message) || recommendsAgainstChosenFirst(message, files) || errorFound && isConsequence(message)) {
                continue;
            }
            PolicyProblem problem = toProblem(message, files);
            if (!alreadyReported(problem, message.getText(), problems)) {
                problems.add(problem);
            }
        }
    }

    /** "One of the supplied DMN Models has failed validation; cannot proceed": says only that another error exists. */
    private static boolean isConsequence(DMNMessage message) {
        return "FAILED_VALIDATION".equals(String.valueOf(message.getMessageType()));
    }

    /** The compiler has already reported the same message for the same element (a FEEL syntax error, say). */
    private static boolean alreadyReported(PolicyProblem problem, String text, List<PolicyProblem> problems) {
        return problems.stream().anyMatch(known -> known.severity() == problem.severity() && known.file().equals(problem.file())
                && java.util.Objects.equals(known.element(), problem.element()) && known.message().equals(text));
    }

    private static synchronized List<DMNMessage> validate(Reader[] readers) {
        if (validator == null) {
            validator = DMNValidatorFactory.newValidator();
        }
        return validator.validateUsing(DMNValidator.Validation.VALIDATE_SCHEMA, DMNValidator.Validation.VALIDATE_MODEL,
                DMNValidator.Validation.ANALYZE_DECISION_TABLE).theseModels(readers);
    }

    /** Style advice that does not point at a mistake: FIRST tables are not in first normal form by design. */
    private static boolean isNoise(DMNMessage message) {
        String type = String.valueOf(message.getMessageType());
        return type.equals("DECISION_TABLE_1STNFVIOLATION")
                || type.equals("DECISION_TABLE_GAP") && message.getText().contains("Gap analysis skipped");
    }

    /** The recommender suggests PRIORITY for overlapping rows; an author who chose FIRST wants exactly that overlap. */
    private static boolean recommendsAgainstChosenFirst(DMNMessage message, Map<String, String> files) {
        if (!"DECISION_TABLE_HITPOLICY_RECOMMENDER".equals(String.valueOf(message.getMessageType())) || message.getSourceId() == null) {
            return false;
        }
        java.util.regex.Pattern table = java.util.regex.Pattern.compile(
                "<decisionTable[^>]*\\bid=\"" + java.util.regex.Pattern.quote(message.getSourceId()) + "\"[^>]*>");
        return files.values().stream().map(table::matcher).filter(java.util.regex.Matcher::find)
                .anyMatch(found -> found.group().contains("hitPolicy=\"FIRST\""));
    }

    private static PolicyProblem toProblem(DMNMessage message, Map<String, String> files) {
        String file = fileOf(message, files);
        String text = message.getMessageType() + ": " + message.getText();
        if (message.getSeverity() == DMNMessage.Severity.ERROR) {
            return PolicyProblem.error(file, Math.max(0, message.getLine()), Math.max(0, message.getColumn()), message.getSourceId(), text);
        }
        return new PolicyProblem(file, Math.max(0, message.getLine()), Math.max(0, message.getColumn()), message.getSourceId(),
                PolicyProblem.Severity.WARNING, text);
    }

    /**
     * The validator names elements, not our paths: find the file that defines the element, or, for a message about
     * no element (a schema error such as an id used twice), the file defining an id the message quotes.
     */
    private static String fileOf(DMNMessage message, Map<String, String> files) {
        List<String> ids = new java.util.ArrayList<>();
        if (message.getSourceId() != null) {
            ids.add(message.getSourceId());
        } else {
            java.util.regex.Matcher quoted = QUOTED.matcher(String.valueOf(message.getText()));
            while (quoted.find()) {
                ids.add(quoted.group(1));
            }
        }
        for (String id : ids) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (file.getValue().contains("id=\"" + id + "\"")) {
                    return file.getKey();
                }
            }
        }
        return "dmn-models";
    }
}
