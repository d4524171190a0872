package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.content;
import static dev.arbiter.policy.PolicyFixtures.errors;
import static dev.arbiter.policy.PolicyFixtures.lineOf;
import static dev.arbiter.policy.PolicyFixtures.loadFailure;
import static dev.arbiter.policy.PolicyFixtures.replaceOnce;
import static dev.arbiter.policy.PolicyFixtures.shippedBundle;
import static dev.arbiter.policy.PolicyFixtures.shippedFiles;
import static dev.arbiter.policy.PolicyFixtures.withoutFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The explanation templates are policy: a file of required keys, each a sentence with the placeholders its key
 * offers. Whatever is wrong in the file is reported with the file and the key, and blocks loading.
 */
class ExplanationTemplatesTest {

    private static final String FILE = "rules/" + ExplanationTemplates.FILE_NAME;

    private static String shipped() {
        return content(shippedFiles(), FILE);
    }

    private static List<PolicyProblem> problemsOf(String yaml) {
        List<PolicyProblem> problems = new ArrayList<>();
        ExplanationTemplates.parse(FILE, yaml, problems);
        return problems;
    }

    @Test
    void theShippedTemplatesHaveEveryKeyAndNoProblem() {
        assertThat(problemsOf(shipped())).isEmpty();
        ExplanationTemplates templates = shippedBundle().explanations();
        assertThat(ExplanationTemplates.requiredKeys()).allSatisfy(key -> assertThat(templates.template(key)).as(key).isNotBlank());
    }

    @Test
    void renderFillsPlaceholdersLikeReasonMessages() {
        String sentence = shippedBundle().explanations().render(ExplanationTemplates.WHY_NOT_THRESHOLD,
                Map.of("subject", "intent", "value", 0.849, "threshold", 0.8500, "source", "dmn-models/x.dmn#Check/row"));

        assertThat(sentence).contains("intent confidence 0.849 was below the automation threshold 0.85");
    }

    @Test
    void aPlaceholderWithoutValueStaysVisible() {
        assertThat(shippedBundle().explanations().render(ExplanationTemplates.ACTION_ALLOWED, Map.of())).contains("{action}");
    }

    @Test
    void renderingAnUnknownKeyIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> shippedBundle().explanations().render("decided.MAYBE", Map.of()));
    }

    @Test
    void aPolicyWithoutTheFileDoesNotLoadAndTheErrorNamesTheFile() {
        PolicyLoadException failure = loadFailure(withoutFile(shippedFiles(), FILE));

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.message()).contains("explanation templates are missing");
        });
    }

    @Test
    void anUnknownKeyIsReportedWithFileKeyAndLine() {
        String yaml = shipped() + "\nfarewell: \"Goodbye.\"\n";

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.element()).isEqualTo("farewell");
            assertThat(problem.line()).isEqualTo(lineOf(yaml, "farewell:"));
            assertThat(problem.message()).contains("Unknown key farewell");
        });
    }

    @Test
    void aMisspeltNestedKeyIsUnknownAndTheRealOneMissing() {
        String yaml = replaceOnce(shipped(), "  ESCALATE: \"The request was escalated", "  ESCALATED: \"The request was escalated");

        assertThat(problemsOf(yaml)).extracting(PolicyProblem::element).containsExactlyInAnyOrder("decided.ESCALATED", "decided.ESCALATE");
        assertThat(problemsOf(yaml)).filteredOn(problem -> "decided.ESCALATE".equals(problem.element()))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("Missing key decided.ESCALATE"));
    }

    @Test
    void aMissingKeyIsReportedWithFileAndKey() {
        String yaml = replaceOnce(shipped(), "  allowed: \"The proposed action {action} was allowed.\"\n", "");

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.element()).isEqualTo(ExplanationTemplates.ACTION_ALLOWED);
            assertThat(problem.message()).contains("Missing key actions.allowed");
        });
    }

    @Test
    void aPlaceholderTheKeyDoesNotOfferIsReported() {
        String yaml = replaceOnce(shipped(), "was allowed.\"", "was allowed for {customerName}.\"");

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.element()).isEqualTo(ExplanationTemplates.ACTION_ALLOWED);
            assertThat(problem.line()).isEqualTo(lineOf(yaml, "  allowed:"));
            assertThat(problem.message()).contains("{customerName}", "{action}");
        });
    }

    @Test
    void aValueThatIsNotASentenceIsReported() {
        String yaml = replaceOnce(shipped(), "  intro: \"The reasons:\"", "  intro: [\"The reasons:\"]");

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.element()).isEqualTo(ExplanationTemplates.REASONS_INTRO);
            assertThat(problem.message()).contains("must be a sentence");
        });
    }

    @Test
    void aKeyWrittenTwiceIsReportedWithItsLine() {
        String yaml = shipped() + "\nclosing: \"Another closing.\"\n";

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.line()).isEqualTo(lineOf(yaml, "closing: \"Another"));
            assertThat(problem.message()).containsIgnoringCase("duplicate").contains("closing");
        });
    }

    @Test
    void invalidYamlIsReportedWithItsLine() {
        String yaml = replaceOnce(shipped(), "  intro: \"The reasons:\"", "  intro: \"The reasons:");

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.line()).isPositive();
            assertThat(problem.message()).startsWith("Not a valid explanation-template file");
        });
    }

    @Test
    void aBrokenTemplateFileBlocksLoadingTheWholePolicy() {
        PolicyFiles files = PolicyFixtures.withEdit(shippedFiles(), FILE, "\nclosing: \"Decision", "\nclosed: \"Decision");

        assertThat(errors(loadFailure(files))).extracting(PolicyProblem::file, PolicyProblem::element)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(FILE, "closed"),
                        org.assertj.core.groups.Tuple.tuple(FILE, ExplanationTemplates.CLOSING));
    }
}
