package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.CATALOG;
import static dev.arbiter.policy.PolicyFixtures.PHRASES;
import static dev.arbiter.policy.PolicyFixtures.content;
import static dev.arbiter.policy.PolicyFixtures.errors;
import static dev.arbiter.policy.PolicyFixtures.lineOf;
import static dev.arbiter.policy.PolicyFixtures.loadFailure;
import static dev.arbiter.policy.PolicyFixtures.shippedFiles;
import static dev.arbiter.policy.PolicyFixtures.withEdit;
import static dev.arbiter.policy.PolicyFixtures.withFile;
import static dev.arbiter.policy.PolicyFixtures.withoutFile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a policy edit can be wrong is rejected by the loader with a problem that names the file and, where the
 * engine allows, the line or the table row. Each test changes one file of the shipped policy in memory.
 */
class PolicyLoaderRejectionTest {

    private static final String KILL_SWITCH = "rules/kill-switch.drl";
    private static final String ESCALATION = "rules/escalation.drl";
    private static final String ROUTING = "dmn-models/routing.dmn";
    private static final String MODEL_TIER = "dmn-models/model-tier.dmn";
    private static final String PRIORITY = "dmn-models/priority.dmn";

    @Test
    void drlSyntaxErrorIsReportedWithFileAndLineOfTheBrokenLine() {
        String broken = "Interaction( automationPaused == , $scope : pauseScope )";
        PolicyFiles files = withEdit(shippedFiles(), KILL_SWITCH, "Interaction( automationPaused == true, $scope : pauseScope )", broken);
        int line = lineOf(content(files, KILL_SWITCH), broken);

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(KILL_SWITCH);
            assertThat(problem.line()).isEqualTo(line);
        });
        assertThat(failure.getMessage()).contains(KILL_SWITCH + ":" + line);
    }

    @Test
    void ruleEmittingACodeMissingFromTheCatalogIsReportedWithFileAndLine() {
        PolicyFiles files = withEdit(shippedFiles(), KILL_SWITCH, "\"AUTOMATION_PAUSED\"", "\"AUTOMATION_STOPPED\"");
        int line = lineOf(content(files, KILL_SWITCH), "AUTOMATION_STOPPED");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(KILL_SWITCH);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains("AUTOMATION_STOPPED", "not in the reason catalog");
        });
    }

    @Test
    void tableRowWithAReasonMissingFromTheCatalogIsReportedWithFileAndRowId() {
        PolicyFiles files = withEdit(shippedFiles(), ROUTING, "<text>\"UNKNOWN_INTENT\"</text>", "<text>\"UNKNOWN_INTENTION\"</text>");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ROUTING);
            assertThat(problem.element()).isEqualTo("Queue/route-unknown-intent");
            assertThat(problem.message()).contains("UNKNOWN_INTENTION", "not in the reason catalog");
        });
    }

    @Test
    void tableRowWithAnInvalidOutcomeIsReportedWithFileAndRowId() {
        PolicyFiles files = withEdit(shippedFiles(), ROUTING, "<text>\"ROUTE_TO_AGENT\"</text>", "<text>\"ROUTE_TO_BOT\"</text>");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ROUTING);
            assertThat(problem.element()).isEqualTo("Queue/route-human-requested");
            assertThat(problem.message()).contains("ROUTE_TO_BOT");
        });
    }

    @Test
    void aModelTierRowGivingATierOutsideTheContractIsRejectedWithFileRowColumnValueAndTheTiers() {
        PolicyFiles files = withEdit(shippedFiles(), MODEL_TIER, "      <rule id=\"tier-light-faq\">", """
                      <rule id="tier-medium-switch">
                        <inputEntry id="tm-1"><text>"AUTOMATE"</text></inputEntry>
                        <inputEntry id="tm-2"><text>"switch_account"</text></inputEntry>
                        <inputEntry id="tm-3"><text>-</text></inputEntry>
                        <outputEntry id="tm-o"><text>"MEDIUM"</text></outputEntry>
                      </rule>
                      <rule id="tier-light-faq">""");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(MODEL_TIER);
            assertThat(problem.element()).isEqualTo("Model tier/tier-medium-switch");
            assertThat(problem.message()).isEqualTo(
                    "A model tier (column 'Model tier') must be one of LIGHT, HEAVY or NONE, not \"MEDIUM\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "-1", "1.5", "\"1\"", "null"})
    void aPriorityRowGivingAValueOutsideOneToFourIsRejectedWithFileRowColumnValueAndTheRange(String value) {
        PolicyFiles files = withEdit(shippedFiles(), PRIORITY, "      <rule id=\"priority-negative-sentiment\">", """
                      <rule id="priority-out-of-range">
                        <inputEntry id="pr-1"><text>-</text></inputEntry>
                        <inputEntry id="pr-2"><text>&lt; -0.9</text></inputEntry>
                        <outputEntry id="pr-o"><text>%s</text></outputEntry>
                      </rule>
                      <rule id="priority-negative-sentiment">""".formatted(value));

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(PRIORITY);
            assertThat(problem.element()).isEqualTo("Priority/priority-out-of-range");
            assertThat(problem.message()).isEqualTo("A priority (column 'Priority') must be a whole number from 1 to 4, not " + value);
        });
    }

    @Test
    void aPriorityOfFourWrittenAsADecimalIsAccepted() {
        PolicyFiles files = withEdit(shippedFiles(), PRIORITY, "      <rule id=\"priority-negative-sentiment\">", """
                      <rule id="priority-lowest">
                        <inputEntry id="pl-1"><text>-</text></inputEntry>
                        <inputEntry id="pl-2"><text>&gt; 0.9</text></inputEntry>
                        <outputEntry id="pl-o"><text>4.0</text></outputEntry>
                      </rule>
                      <rule id="priority-negative-sentiment">""");

        assertThat(new PolicyLoader().validate(files).report().errors()).isEmpty();
    }

    @Test
    void brokenDmnXmlIsReportedWithItsFileAndLineInsteadOfCrashingTheLoader() {
        String routing = content(shippedFiles(), ROUTING);
        String truncated = routing.substring(0, routing.indexOf("</decisionTable>"));
        PolicyFiles files = withFile(shippedFiles(), ROUTING, truncated);

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(ROUTING);
            assertThat(problem.line()).isEqualTo(truncated.split("\n", -1).length);
            assertThat(problem.message()).contains("XML");
        });
    }

    @Test
    void aFeelSyntaxErrorIsReportedOnceWithItsFileAndRow() {
        PolicyFiles files = withEdit(shippedFiles(), ROUTING, "<text>\"contact_customer_service\"</text>",
                "<text>\"contact_customer_service\",,</text>");

        ValidationReport report = new PolicyLoader().validate(files).report();

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ROUTING);
            assertThat(problem.element()).isEqualTo("route-customer-service");
            assertThat(problem.message()).contains("syntax error");
        });
    }

    @Test
    void anIdUsedTwiceInATableIsReportedWithTheFileThatHasIt() {
        PolicyFiles files = withEdit(shippedFiles(), ROUTING, "<rule id=\"route-customer-service\">",
                "<rule id=\"route-orders\">");

        ValidationReport report = new PolicyLoader().validate(files).report();

        assertThat(report.errors()).isNotEmpty().allSatisfy(problem -> assertThat(problem.file()).isEqualTo(ROUTING));
    }

    @Test
    void wellFormedXmlThatIsNotDmnIsReportedWithItsFile() {
        PolicyFiles files = withFile(shippedFiles(), "dmn-models/notes.dmn", "<?xml version=\"1.0\"?>\n<notes>todo</notes>\n");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("dmn-models/notes.dmn");
            assertThat(problem.message()).contains("definitions");
        });
    }

    @Test
    void missingReasonCatalogIsReported() {
        PolicyLoadException failure = loadFailure(withoutFile(shippedFiles(), CATALOG));

        assertThat(errors(failure)).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(CATALOG);
            assertThat(problem.message()).contains("missing");
        });
    }

    @Test
    void catalogEntryWithoutAMessageIsReportedWithItsCode() {
        String entry = "\nUNEXPLAINED_CODE:\n  owner: Operations\n";
        PolicyFiles files = withFile(shippedFiles(), CATALOG, content(shippedFiles(), CATALOG) + entry);

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(CATALOG);
            assertThat(problem.element()).isEqualTo("UNEXPLAINED_CODE");
            assertThat(problem.message()).contains("message");
        });
    }

    @Test
    void aQueueOnACatalogEntryOtherThanPolicyEngineErrorIsReportedWithItsCode() {
        PolicyFiles files = withEdit(shippedFiles(), CATALOG, "LEGAL_THREAT:\n  owner: Legal\n",
                "LEGAL_THREAT:\n  owner: Legal\n  queue: legal\n");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(CATALOG);
            assertThat(problem.element()).isEqualTo("LEGAL_THREAT");
            assertThat(problem.message()).contains("Only POLICY_ENGINE_ERROR names a queue", ".toQueue(");
        });
    }

    @Test
    void aPolicyEngineErrorSkillWithoutAQueueIsReported() {
        PolicyFiles files = withEdit(shippedFiles(), CATALOG, "  queue: general\n  skill: customer-service\n",
                "  skill: customer-service\n");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.element()).isEqualTo("POLICY_ENGINE_ERROR");
            assertThat(problem.message()).contains("Name the queue a case that fails safe goes to");
        });
    }

    @Test
    void aPolicyEngineErrorWithoutAQueueIsAWarningNotAnError() {
        PolicyFiles files = withEdit(shippedFiles(), CATALOG, "  queue: general\n  skill: customer-service\n", "");

        PolicyBundle bundle = new PolicyLoader().load(files);

        assertThat(bundle.warnings()).anySatisfy(problem -> {
            assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.WARNING);
            assertThat(problem.file()).isEqualTo(CATALOG);
            assertThat(problem.element()).isEqualTo("POLICY_ENGINE_ERROR");
            assertThat(problem.message()).contains("names no queue", "add queue:");
        });
    }

    @Test
    void ruleNamingAWordListMissingFromPhrasesIsReportedWithFileAndLine() {
        PolicyFiles files = withEdit(shippedFiles(), ESCALATION, "list == \"legal-threat\"", "list == \"legal-threats\"");
        int line = lineOf(content(files, ESCALATION), "list == \"legal-threats\"");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ESCALATION);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains("legal-threats", "phrases.yaml");
        });
    }

    @Test
    void missingRequiredDecisionIsReportedByName() {
        PolicyLoadException failure = loadFailure(withoutFile(shippedFiles(), ROUTING));

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.element()).isEqualTo("Queue");
            assertThat(problem.message()).contains("'Queue'");
        });
    }

    @Test
    void catalogCodeNeverUsedIsAWarningNotAnError() {
        String entry = "\nNEVER_USED:\n  owner: Operations\n  message: \"Nobody emits this.\"\n";
        PolicyFiles files = withFile(shippedFiles(), CATALOG, content(shippedFiles(), CATALOG) + entry);

        PolicyBundle bundle = new PolicyLoader().load(files);

        assertThat(bundle.warnings()).anySatisfy(problem -> {
            assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.WARNING);
            assertThat(problem.file()).isEqualTo(CATALOG);
            assertThat(problem.element()).isEqualTo("NEVER_USED");
        });
        assertThat(bundle.catalog().contains("NEVER_USED")).isTrue();
    }

    @Test
    void anInputTheServiceDoesNotProvideIsAWarning() {
        PolicyFiles files = withEdit(shippedFiles(), "dmn-models/retention.dmn", "<inputData id=\"in-churnRisk\"",
                "<inputData id=\"in-weather\" name=\"weatherToday\">\n    <variable id=\"var-weather\" name=\"weatherToday\""
                        + " typeRef=\"string\"/>\n  </inputData>\n  <inputData id=\"in-churnRisk\"");

        PolicyBundle bundle = new PolicyLoader().load(files);

        assertThat(bundle.warnings()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("dmn-models/retention.dmn");
            assertThat(problem.element()).isEqualTo("weatherToday");
            assertThat(problem.message()).contains("always null");
        });
    }

    @Test
    void aCatalogThatDoesNotReadIsTheOnlyErrorNotBuriedUnderEveryCodeItWouldHaveHeld() {
        String again = "\nLEGAL_THREAT:\n  owner: Legal\n  message: \"Written twice.\"\n";
        PolicyFiles files = withFile(shippedFiles(), CATALOG, content(shippedFiles(), CATALOG) + again);

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(CATALOG);
            assertThat(problem.line()).isPositive();
            assertThat(problem.message()).startsWith("Not a valid reason catalog").contains("LEGAL_THREAT");
        });
    }

    @Test
    void aWordListFileThatDoesNotReadIsNotFollowedByEveryListItWouldHaveHeld() {
        PolicyFiles files = withFile(shippedFiles(), PHRASES, content(shippedFiles(), PHRASES) + "\nlegal-threat:\n  - sue\n");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(PHRASES);
            assertThat(problem.message()).startsWith("Not a valid word-list file");
        });
    }

    @Test
    void aPhraseListedTwiceInAWordListIsRejectedAtTheRepeatNamingTheFirstLine() {
        PolicyFiles files = withEdit(shippedFiles(), PHRASES, "  - awful\n", "  - awful\n  - terrible\n");
        String phrases = content(files, PHRASES);
        int first = lineOf(phrases, "  - terrible\n");
        int repeat = lineOf(phrases, "  - awful\n") + 1;

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(PHRASES);
            assertThat(problem.line()).isEqualTo(repeat);
            assertThat(problem.message()).startsWith("Phrase 'terrible' is listed twice in 'negative' (also line " + first + ")");
        });
    }

    @Test
    void aDuplicateRuleNameIsReportedInBothFiles() {
        String copy = "package arbiter.policy;\n\nimport dev.arbiter.policy.facts.*;\n\nrule \"Legal threat\"\nwhen\n"
                + "    Interaction( channel == \"SMS\" )\nthen\nend\n";
        PolicyFiles files = withFile(shippedFiles(), "rules/copy.drl", copy);
        int existing = lineOf(content(files, ESCALATION), "rule \"Legal threat\"");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).extracting(problem -> problem.file() + ":" + problem.line())
                .containsExactly("rules/copy.drl:5", ESCALATION + ":" + existing);
        assertThat(errors(failure)).allSatisfy(problem -> assertThat(problem.message()).contains("Duplicate rule name: Legal threat"));
        assertThat(errors(failure).get(0).message()).contains("also declared in " + ESCALATION + ":" + existing);
        assertThat(errors(failure).get(1).message()).contains("also declared in rules/copy.drl:5");
    }

    @Test
    void aRuleFileInAnotherPackageIsRejectedAtItsPackageLineSoItCannotReuseARuleName() {
        String other = "// reuses a shipped rule name\npackage other.pkg; import dev.arbiter.policy.facts.*; "
                + "rule \"Legal threat\" when Interaction() then end";

        assertOnlyErrorOfOtherDrl(other, 2, "rules in rules/other.drl must be in package arbiter.policy, not other.pkg");
    }

    @Test
    void aRuleFileWithoutAPackageLineIsRejectedNamingThePackage() {
        String other = "import dev.arbiter.policy.facts.*;\nrule \"Legal threat\" when Interaction() then end\n";

        assertOnlyErrorOfOtherDrl(other, 1, "rules in rules/other.drl must be in package arbiter.policy: start the file"
                + " with \"package arbiter.policy;\"");
    }

    /** Loads the shipped files plus {@code rules/other.drl}; expects exactly one error, in that file. */
    private static void assertOnlyErrorOfOtherDrl(String content, int line, String message) {
        PolicyLoadException failure = loadFailure(withFile(shippedFiles(), "rules/other.drl", content));

        assertThat(errors(failure)).extracting(problem -> problem.file() + ":" + problem.line() + " " + problem.message())
                .containsExactly("rules/other.drl:" + line + " " + message);
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        PolicyFiles files = withEdit(shippedFiles(), KILL_SWITCH, "\"AUTOMATION_PAUSED\"", "\"AUTOMATION_STOPPED\"");
        files = withEdit(files, ROUTING, "<text>\"UNKNOWN_INTENT\"</text>", "<text>\"UNKNOWN_INTENTION\"</text>");

        PolicyLoadException failure = loadFailure(files);

        assertThat(errors(failure)).extracting(PolicyProblem::file).containsExactly(ROUTING, KILL_SWITCH);
    }
}
