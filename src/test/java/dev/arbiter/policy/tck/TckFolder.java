package dev.arbiter.policy.tck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.arbiter.policy.DmnEvaluation;
import dev.arbiter.policy.DmnPolicy;
import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyProblem;

/**
 * One TCK folder (a model, the models it imports and its test file), compiled once by the service's own loader
 * ({@link PolicyFiles} and {@link DmnPolicy#compile}) and evaluated through {@link DmnPolicy}, as the service does.
 */
final class TckFolder {

    private final String folder;
    private final TckFile file;
    private final String model;
    private final DmnPolicy policy;
    private final List<PolicyProblem> problems;

    private TckFolder(String folder, TckFile file, String model, DmnPolicy policy, List<PolicyProblem> problems) {
        this.folder = folder;
        this.file = file;
        this.model = model;
        this.policy = policy;
        this.problems = problems;
    }

    /**
     * @param dir    the folder
     * @param folder its name in the results, e.g. {@code compliance-level-2/0001-input-data-string}
     */
    static TckFolder load(Path dir, String folder) throws IOException {
        TckFile file = TckCaseReader.read(testFile(dir));
        Map<String, String> dmnFiles = PolicyFiles.read(dir).withExtension(".dmn");
        List<PolicyProblem> problems = new ArrayList<>();
        DmnPolicy policy = DmnPolicy.compile(dmnFiles, problems);
        return new TckFolder(folder, file, dir.getFileName() + "/" + file.modelName(), policy, problems);
    }

    /** @return the folder's test file, {@code *-test-01.xml} */
    static Path testFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-test-01.xml")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("No *-test-01.xml in " + dir));
        }
    }

    TckFile file() {
        return file;
    }

    /** Evaluates every result node of the case, its inputs given in {@code form}; the row lists each failure. */
    TckRow run(TckCase testCase, XsdValues.Form form) {
        List<String> failures = new ArrayList<>();
        if (policy == null) {
            failures.add("FAILURE: the models did not compile: " + problems);
        } else {
            Map<String, Object> inputs = new LinkedHashMap<>();
            testCase.inputs().forEach(input -> inputs.put(input.name(), input.value(form)));
            DmnEvaluation service = null;
            for (TckCase.Result result : testCase.results()) {
                try {
                    DmnEvaluation evaluation;
                    if (testCase.invokesDecisionService()) {
                        service = service != null ? service : policy.evaluateDecisionService(model, testCase.invocableName(), inputs);
                        evaluation = service;
                    } else {
                        evaluation = policy.evaluateDecision(model, result.name(), inputs);
                    }
                    check(result, evaluation, failures);
                } catch (RuntimeException e) {
                    failures.add("FAILURE: unexpected exception evaluating '" + result.name() + "': " + e);
                }
            }
        }
        return new TckRow(folder, file.name(), testCase.id(), failures.isEmpty(), String.join("; ", failures));
    }

    private static void check(TckCase.Result result, DmnEvaluation evaluation, List<String> failures) {
        Object actual = evaluation.value(result.name());
        String foreign = FeelDomain.foreign(actual);
        if (!TckComparison.equal(result.expected(), actual)) {
            failures.add(TckComparison.failure(result.name(), result.expected(), actual) + engineErrors(evaluation));
        } else if (foreign != null) {
            failures.add("FAILURE: '" + result.name() + "' holds a value FEEL does not have: " + foreign);
        }
    }

    /** @return the engine's first errors, to explain a failure */
    private static String engineErrors(DmnEvaluation evaluation) {
        List<String> errors = evaluation.messages().stream().filter(PolicyProblem::isError).limit(3)
                .map(PolicyProblem::message).toList();
        return errors.isEmpty() ? "" : " (engine: " + String.join(" | ", errors) + ")";
    }
}
