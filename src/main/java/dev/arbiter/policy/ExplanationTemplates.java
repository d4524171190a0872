package dev.arbiter.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The sentences of a plain-language explanation of a decision, read from {@code rules/explanations.yaml}: an
 * opening per outcome, the sentences that introduce and list the reasons, why a case was not automated, the fate of
 * each proposed action and a closing line. Every key is required and no other key is allowed; each sentence may
 * use only the {@code {placeholders}} listed for its key. The service only fills the templates: the wording belongs
 * to the policy. Immutable and thread-safe.
 */
public final class ExplanationTemplates {

    /** File name of the templates inside the rules folder. */
    public static final String FILE_NAME = "explanations.yaml";

    /** Plain-language name of an outcome, by outcome: {@code outcomes.HUMAN_REVIEW}. */
    public static final String OUTCOME_NAME = "outcomes.";
    /** Opening sentence, by outcome: {@code decided.ESCALATE}. */
    public static final String DECIDED = "decided.";
    public static final String REASONS_INTRO = "reasons.intro";
    public static final String REASON = "reasons.item";
    public static final String WHY_NOT_INTRO = "whyNotAutomated.intro";
    public static final String WHY_NOT_THRESHOLD = "whyNotAutomated.threshold";
    public static final String WHY_NOT_RULE = "whyNotAutomated.rule";
    public static final String ACTION_SUPPRESSED = "actions.suppressed";
    public static final String ACTION_ALLOWED = "actions.allowed";
    public static final String CLOSING = "closing";
    public static final String OTHER_VERSION_NOTICE = "notices.otherVersion";

    private static final List<String> OUTCOMES = List.of("AUTOMATE", "HUMAN_REVIEW", "ROUTE_TO_AGENT", "ESCALATE");
    private static final Set<String> DECIDED_VALUES = Set.of("outcome", "queue", "skill", "priority", "modelTier", "intent",
            "confidence");

    /** Every key the file must have, with the placeholders its sentence may use, in file order. */
    private static final Map<String, Set<String>> KEYS = keys();

    /** Rejects a key written twice: YAML would otherwise let the second silently replace the first. */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Map<String, String> templates;

    private ExplanationTemplates(Map<String, String> templates) {
        this.templates = Collections.unmodifiableMap(templates);
    }

    private static Map<String, Set<String>> keys() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> keys.put(OUTCOME_NAME + outcome, Set.of()));
        OUTCOMES.forEach(outcome -> keys.put(DECIDED + outcome, DECIDED_VALUES));
        keys.put(REASONS_INTRO, Set.of());
        keys.put(REASON, Set.of("code", "message", "source"));
        keys.put(WHY_NOT_INTRO, Set.of());
        keys.put(WHY_NOT_THRESHOLD, Set.of("subject", "value", "threshold", "source"));
        keys.put(WHY_NOT_RULE, Set.of("code", "message", "source", "outcome"));
        keys.put(ACTION_SUPPRESSED, Set.of("action", "codes", "reasons"));
        keys.put(ACTION_ALLOWED, Set.of("action"));
        keys.put(CLOSING, Set.of("decisionId", "decidedAt", "at", "policyVersion"));
        keys.put(OTHER_VERSION_NOTICE, Set.of("policyVersion", "templateVersion"));
        return Collections.unmodifiableMap(keys);
    }

    /** A sentence as written, with the line its key is on. */
    private record Located(String text, int line, int column) {
    }

    /**
     * Parses the templates, adding a problem (file, line, key) for invalid YAML, a key that is unknown, missing or
     * written twice, a value that is not a sentence, and a placeholder the key does not offer.
     *
     * @return the templates of the well-formed keys
     */
    static ExplanationTemplates parse(String file, String yaml, List<PolicyProblem> problems) {
        Map<String, Located> found = new LinkedHashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readObject(parser, "", found);
            } else if (first != null) {
                problems.add(PolicyProblem.error(file, line(parser), column(parser), null,
                        "The explanation templates must be keys with sentences, e.g. closing: \"Decision {decisionId} ...\""));
            }
        } catch (JacksonException e) {
            var location = e.getLocation();
            problems.add(PolicyProblem.error(file, location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(), null,
                    "Not a valid explanation-template file: " + e.getOriginalMessage()));
            return new ExplanationTemplates(Map.of());
        }
        Map<String, String> valid = new LinkedHashMap<>();
        found.forEach((key, sentence) -> {
            Set<String> offered = KEYS.get(key);
            if (offered == null) {
                problems.add(PolicyProblem.error(file, sentence.line(), sentence.column(), key, "Unknown key " + key
                        + "; the explanation templates have exactly these keys: " + String.join(", ", KEYS.keySet())));
                return;
            }
            if (sentence.text() == null) {
                problems.add(PolicyProblem.error(file, sentence.line(), sentence.column(), key,
                        "The value of " + key + " must be a sentence in quotes"));
                return;
            }
            List<String> unknown = MessageTemplates.placeholders(sentence.text()).stream().filter(name -> !offered.contains(name)).toList();
            if (!unknown.isEmpty()) {
                problems.add(PolicyProblem.error(file, sentence.line(), sentence.column(), key, "Unknown placeholder(s) "
                        + unknown.stream().map(name -> "{" + name + "}").toList() + " in " + key + "; it can use "
                        + (offered.isEmpty() ? "none" : offered.stream().sorted().map(name -> "{" + name + "}").toList())));
                return;
            }
            valid.put(key, sentence.text());
        });
        KEYS.keySet().stream().filter(key -> !found.containsKey(key)).forEach(key ->
                problems.add(PolicyProblem.error(file, 0, 0, key, "Missing key " + key + ": every explanation needs this sentence")));
        return new ExplanationTemplates(valid);
    }

    /** Reads the keys of an object, nested ones as {@code group.key}; a value that is not a sentence has no text. */
    private static void readObject(JsonParser parser, String prefix, Map<String, Located> found) {
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String key = prefix + parser.currentName();
            int line = line(parser);
            int column = column(parser);
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readObject(parser, key + ".", found);
            } else if (value == JsonToken.VALUE_STRING && !parser.getString().isBlank()) {
                found.put(key, new Located(parser.getString(), line, column));
            } else {
                parser.skipChildren();
                found.put(key, new Located(null, line, column));
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation() == null ? 0 : parser.currentTokenLocation().getLineNr();
    }

    private static int column(JsonParser parser) {
        return parser.currentTokenLocation() == null ? 0 : parser.currentTokenLocation().getColumnNr();
    }

    /** @return every key a template file must have, in file order */
    public static Set<String> requiredKeys() {
        return KEYS.keySet();
    }

    /** @return the sentence template of {@code key} as written, or null when the file does not have it */
    public String template(String key) {
        return templates.get(key);
    }

    /**
     * Fills the sentence of {@code key} with {@code values}, formatted like reason messages (decimals to at most four
     * places, lists joined with commas). A placeholder without a value stays as {@code {name}}.
     *
     * @throws IllegalArgumentException when the templates have no such key
     */
    public String render(String key, Map<String, ?> values) {
        String template = templates.get(key);
        if (template == null) {
            throw new IllegalArgumentException("No explanation template " + key);
        }
        return MessageTemplates.fill(template, values);
    }
}
