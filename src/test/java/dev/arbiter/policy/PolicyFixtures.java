package dev.arbiter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared fixtures for the fast policy tests (no Spring): the shipped files, modified copies of them in memory,
 * and small catalogs and word lists parsed from inline YAML. Public so that tests of other packages can use it.
 */
public final class PolicyFixtures {

    public static final String CATALOG = "rules/reason-codes.yaml";
    public static final String PHRASES = "rules/phrases.yaml";

    private PolicyFixtures() {
    }

    /** The policy files the product ships with (tests run with the project folder as working directory). */
    public static PolicyFiles shippedFiles() {
        return PolicyFiles.read(Path.of("rules"), Path.of("dmn-models"));
    }

    /** The shipped bundle, compiled once for all tests of the JVM (it is immutable and thread-safe). */
    public static PolicyBundle shippedBundle() {
        return ShippedBundle.INSTANCE;
    }

    private static final class ShippedBundle {
        static final PolicyBundle INSTANCE = new PolicyLoader().load(shippedFiles());
    }

    /** @return a copy of {@code files} in which {@code path} has {@code content} (added or replaced) */
    public static PolicyFiles withFile(PolicyFiles files, String path, String content) {
        Map<String, String> copy = new HashMap<>(files.contents());
        copy.put(path, content);
        return new PolicyFiles(copy);
    }

    /** @return a copy of {@code files} without {@code path} */
    public static PolicyFiles withoutFile(PolicyFiles files, String path) {
        assertThat(files.contents()).as("fixture expects %s to be shipped", path).containsKey(path);
        Map<String, String> copy = new HashMap<>(files.contents());
        copy.remove(path);
        return new PolicyFiles(copy);
    }

    /** @return a copy of {@code files} in which the one occurrence of {@code target} in {@code path} is replaced */
    public static PolicyFiles withEdit(PolicyFiles files, String path, String target, String replacement) {
        return withFile(files, path, replaceOnce(content(files, path), target, replacement));
    }

    public static String content(PolicyFiles files, String path) {
        assertThat(files.contents()).as("fixture expects %s to be shipped", path).containsKey(path);
        return files.contents().get(path);
    }

    /** Replaces the single occurrence of {@code target}; fails the test if the shipped file no longer has it once. */
    public static String replaceOnce(String content, String target, String replacement) {
        int at = content.indexOf(target);
        assertThat(at).as("fixture expects '%s' in the shipped file", target).isNotNegative();
        assertThat(content.indexOf(target, at + 1)).as("fixture expects '%s' only once", target).isNegative();
        return content.substring(0, at) + replacement + content.substring(at + target.length());
    }

    /** @return the 1-based line on which {@code snippet} starts in {@code content} */
    public static int lineOf(String content, String snippet) {
        int at = content.indexOf(snippet);
        assertThat(at).as("'%s' in content", snippet).isNotNegative();
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Loads {@code files}, expecting the loader to reject them. */
    public static PolicyLoadException loadFailure(PolicyFiles files) {
        PolicyLoadException failure = catchThrowableOfType(PolicyLoadException.class, () -> new PolicyLoader().load(files));
        assertThat(failure).as("the loader should reject the files").isNotNull();
        return failure;
    }

    /** @return only the errors among the problems of a rejected load */
    public static List<PolicyProblem> errors(PolicyLoadException failure) {
        return failure.problems().stream().filter(PolicyProblem::isError).toList();
    }

    /** Parses a catalog that must be well formed. */
    public static ReasonCatalog catalog(String yaml) {
        List<PolicyProblem> problems = new ArrayList<>();
        ReasonCatalog catalog = ReasonCatalog.parse(CATALOG, yaml, problems);
        assertThat(problems).as("fixture catalog problems").isEmpty();
        return catalog;
    }

    /** Parses word lists that must be well formed. */
    public static PhraseLists phraseLists(String yaml) {
        List<PolicyProblem> problems = new ArrayList<>();
        PhraseLists lists = PhraseLists.parse(PHRASES, yaml, problems);
        assertThat(problems).as("fixture word-list problems").isEmpty();
        return lists;
    }
}
