package dev.arbiter.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.arbiter.decision.Channel;
import dev.arbiter.decision.DecisionResponse;
import dev.arbiter.policy.ModelTier;
import dev.arbiter.policy.RoutePlan;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.scoring.IntentScore;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads scenario files from a folder. Stateless and thread-safe. */
public final class ScenarioLoader {

    private static final String NO_MODELS = "none";
    private static final List<String> ACTION_STATUSES =
            List.of(DecisionResponse.ActionView.ALLOWED, DecisionResponse.ActionView.SUPPRESSED);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * @return every case of every {@code .yaml} file below {@code folder}, files in path order
     * @throws ScenarioFormatException when a file is not a valid scenario file
     * @throws UncheckedIOException    when the folder cannot be read
     */
    public List<Scenario> load(Path folder) {
        return parse(read(folder));
    }

    /**
     * @return the scenario files below {@code folder}, keyed {@code <folder name>/<relative path>}, in path order;
     *         empty when the folder does not exist
     * @throws UncheckedIOException when the folder cannot be read
     */
    public static Map<String, String> read(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Map<String, String> files = new java.util.TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                files.put(root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenarios in " + folder, e);
        }
        return files;
    }

    /**
     * @param files scenario file path to YAML content
     * @return every case of every file, files in path order
     * @throws ScenarioFormatException when a file is not a valid scenario file
     */
    public List<Scenario> parse(Map<String, String> files) {
        List<Scenario> scenarios = new ArrayList<>();
        new java.util.TreeMap<>(files).forEach((name, content) -> scenarios.addAll(parse(name, content)));
        return scenarios;
    }

    private static List<Scenario> parse(String name, String content) {
        ScenarioFile parsed;
        try {
            parsed = YAML.readValue(content, ScenarioFile.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new ScenarioFormatException(name + ": " + e.getOriginalMessage(), e);
        }
        if (parsed == null || parsed.cases() == null || parsed.cases().isEmpty()) {
            throw new ScenarioFormatException(name + ": a scenario file needs at least one case", null);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (ScenarioFile.Case each : parsed.cases()) {
            if (each.name() == null || each.name().isBlank() || each.expect() == null) {
                throw new ScenarioFormatException(name + ": every case needs a name and an expect block", null);
            }
            Map<String, Object> request = merge(parsed.base() == null ? Map.of() : parsed.base(),
                    each.given() == null ? Map.of() : each.given());
            List<String> paused = each.automation() == null || each.automation().paused() == null ? List.of()
                    : each.automation().paused();
            if (each.models() != null && !each.models().equals(NO_MODELS)) {
                throw new ScenarioFormatException(name + ": case '" + each.name() + "': models can only be '" + NO_MODELS + "'", null);
            }
            String mistake = mistakeIn(paused, each.expect());
            if (mistake != null) {
                throw new ScenarioFormatException(name + ": case '" + each.name() + "': " + mistake, null);
            }
            scenarios.add(new Scenario(name, parsed.concern(), each.name(), request, paused, NO_MODELS.equals(each.models()),
                    each.expect()));
        }
        return scenarios;
    }

    /**
     * @return what is wrong with a case's paused scopes or expectation, or null: a scope must be GLOBAL or a channel, an
     *         expectation must check something, and every value it expects must be one the API can answer (an outcome, a
     *         model tier, a priority, an intent source, an action status of the contract), so that a typo fails loudly
     *         instead of failing as a mismatch or, worse, passing. Reason codes are checked against the policy's
     *         catalog when the case runs (see {@link ScenarioCheck#unknownCodes})
     */
    private static String mistakeIn(List<String> paused, Expectation expect) {
        List<String> scopes = new ArrayList<>(List.of(Scenario.GLOBAL));
        Arrays.stream(Channel.values()).map(Enum::name).forEach(scopes::add);
        for (String scope : paused) {
            if (!scopes.contains(scope)) {
                return notOneOf("automation.paused", scope, "scope", scopes);
            }
        }
        if (expect.expectsNothing()) {
            return "expect checks nothing: a case must expect something (outcome, reasons, queue, priority, actions, ...)";
        }
        if (expect.outcome() != null && !names(Outcome.values()).contains(expect.outcome())) {
            return notOneOf("outcome", expect.outcome(), "outcome", names(Outcome.values()));
        }
        if (expect.modelTier() != null && !names(ModelTier.values()).contains(expect.modelTier())) {
            return notOneOf("modelTier", expect.modelTier(), "model tier", names(ModelTier.values()));
        }
        if (expect.intentSource() != null && !names(IntentScore.Source.values()).contains(expect.intentSource())) {
            return notOneOf("intentSource", expect.intentSource(), "intent source", names(IntentScore.Source.values()));
        }
        if (expect.priority() != null
                && (expect.priority() < RoutePlan.HIGHEST_PRIORITY || expect.priority() > RoutePlan.LOWEST_PRIORITY)) {
            return "priority " + expect.priority() + " is not a valid priority; a whole number from " + RoutePlan.HIGHEST_PRIORITY
                    + " (highest) to " + RoutePlan.LOWEST_PRIORITY;
        }
        if (expect.actions() != null) {
            for (Map.Entry<String, String> action : expect.actions().entrySet()) {
                if (!ACTION_STATUSES.contains(action.getValue())) {
                    return notOneOf("actions." + action.getKey(), action.getValue(), "action status", ACTION_STATUSES);
                }
            }
        }
        return null;
    }

    /** @return e.g. {@code outcome AUTOMATED is not a valid outcome; one of [AUTOMATE, ...]} */
    private static String notOneOf(String key, String value, String what, List<String> allowed) {
        return key + " " + value + " is not a valid " + what + "; one of " + allowed;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Deep-merges {@code overlay} onto {@code base}: maps merge, other values replace, null removes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> map && existing instanceof Map<?, ?> old) {
                merged.put(key, merge((Map<String, Object>) old, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
