package dev.arbiter.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.arbiter.scoring.Models;

/** The policy command line checks the files on disk and exits non-zero when a commit must be blocked. */
class PolicyCliTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final PolicyCli cli = new PolicyCli(out, Models.none());

    @Test
    void validatingTheShippedPolicyExitsZero() {
        int exit = cli.run("validate");

        assertThat(exit).isEqualTo(PolicyCli.OK);
        assertThat(output()).contains(": 0 error(s)");
    }

    @Test
    void aBrokenRuleFileFailsValidationWithFileAndLine(@TempDir Path copy) throws IOException {
        Path rules = copyOf(Path.of("rules"), copy.resolve("rules"));
        Path killSwitch = rules.resolve("kill-switch.drl");
        Files.writeString(killSwitch, Files.readString(killSwitch).replaceFirst("then", "then then"));

        int exit = cli.run("validate", "--rules", rules.toString(), "--dmn", "dmn-models");

        assertThat(exit).isEqualTo(PolicyCli.FAILED);
        assertThat(output()).containsPattern("ERROR rules/kill-switch\\.drl:\\d+");
    }

    /** As {@code java -jar arbiter.jar policy test} in the project folder: with the models of {@code models/}. */
    @Test
    void testingRunsEveryScenarioWithTheShippedModelsAndReportsCoverage() {
        int exit = new PolicyCli(out, Models.loadFrom(Path.of("models"))).run("test");

        assertThat(exit).isEqualTo(PolicyCli.OK);
        assertThat(output()).containsPattern("(?m)^\\d+ passed, 0 failed$").contains("Coverage: ");
    }

    @Test
    void aCaseFilterRunsOnlyTheNamedCases() {
        int exit = cli.run("test", "--case", "quiet hours");

        assertThat(exit).isEqualTo(PolicyCli.OK);
        assertThat(output().lines().filter(line -> line.startsWith("PASS ")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.toLowerCase()).contains("quiet hours"));
    }

    @Test
    void aCaseFilterThatMatchesNoCaseSaysSoInsteadOfReportingZeroPassed() {
        int exit = cli.run("test", "--case", "no such case");

        assertThat(exit).isEqualTo(PolicyCli.FAILED);
        assertThat(output()).isEqualTo("ERROR --case matches no case: no case name contains 'no such case' (ignoring case);"
                + " leave --case out to run every case" + System.lineSeparator());
    }

    @Test
    void aScenarioFolderWithoutScenariosSaysSoInsteadOfReportingZeroPassed(@TempDir Path empty) {
        Path missing = empty.resolve("nonexistent");

        int exit = cli.run("test", "--scenarios", missing.toString());

        assertThat(exit).isEqualTo(PolicyCli.FAILED);
        assertThat(output()).isEqualTo("ERROR there are no scenarios to test the policy with (no .yaml or .yml file in "
                + missing + ")" + System.lineSeparator());
    }

    @Test
    void aFailingScenarioExitsOne(@TempDir Path copy) throws IOException {
        Path dmn = copyOf(Path.of("dmn-models"), copy.resolve("dmn-models"));
        Path thresholds = dmn.resolve("confidence-thresholds.dmn");
        Files.writeString(thresholds, Files.readString(thresholds).replace("<text>0.85</text>", "<text>0.80</text>"));

        int exit = cli.run("test", "--dmn", dmn.toString(), "--case", "0.849");

        assertThat(exit).isEqualTo(PolicyCli.FAILED);
        assertThat(output()).contains("FAIL ").containsPattern("(?m)^\\d+ passed, [1-9]\\d* failed$");
    }

    @Test
    void aScenarioExpectingAValueNoDecisionCanHaveFailsTheRunNamingFileCaseAndValue(@TempDir Path copy) throws IOException {
        Path scenarios = Files.createDirectories(copy.resolve("policy-tests"));
        Files.writeString(scenarios.resolve("typo.yaml"), PolicyLifecycleApiTest.scenarioExpecting("{ modelTier: light }"));

        int exit = cli.run("test", "--scenarios", scenarios.toString());

        assertThat(exit).isEqualTo(PolicyCli.FAILED);
        assertThat(output()).contains("ERROR policy-tests/typo.yaml: case 'A routine question is automated': modelTier light"
                + " is not a valid model tier; one of [LIGHT, HEAVY, NONE]");
    }

    @Test
    void aRuleThatKeepsReactivatingItselfFailsTheScenariosNamingTheRule(@TempDir Path copy) throws IOException {
        Path rules = copyOf(Path.of("rules"), copy.resolve("rules"));
        Files.writeString(rules.resolve("loop.drl"), """
                package arbiter.policy;
                import dev.arbiter.policy.facts.*;
                rule "Looping rule"
                when $i : Interaction( channel == "CHAT" )
                then update( $i );
                end
                """);

        int exit = cli.run("test", "--rules", rules.toString(), "--case", "0.849");

        assertThat(exit).isEqualTo(PolicyCli.FAILED);
        assertThat(output()).contains("FAIL ", "     the policy failed while deciding, so the decision fell back to"
                        + " POLICY_ENGINE_ERROR: ", "rule 'Looping rule' (rules/loop.drl) fired 10,000 times in one evaluation")
                .containsPattern("(?m)^0 passed, [1-9]\\d* failed$");
    }

    @Test
    void aScenarioThatEndedInPolicyEngineErrorPrintsWhyTheEngineFailed(@TempDir Path copy) throws IOException {
        Path dmn = copyOf(Path.of("dmn-models"), copy.resolve("dmn-models"));
        Path thresholds = dmn.resolve("confidence-thresholds.dmn");
        Files.writeString(thresholds, Files.readString(thresholds).replace(
                "<decisionTable id=\"confidence-check-table\" hitPolicy=\"COLLECT\">",
                "<decisionTable id=\"confidence-check-table\" hitPolicy=\"UNIQUE\">"));

        int exit = cli.run("test", "--dmn", dmn.toString(), "--case", "AI answer exactly at 0.85");

        assertThat(exit).isEqualTo(PolicyCli.FAILED);
        assertThat(output()).contains("reasons should be [AUTOMATION_APPROVED] but was [POLICY_ENGINE_ERROR]",
                "Multiple matches found for decision table 'Confidence check'");
    }

    @Test
    void aMissingRulesFolderIsAUsageMistakeNamingTheFolder(@TempDir Path empty) {
        int exit = cli.run("validate", "--rules", empty.resolve("rules").toString());

        assertThat(exit).isEqualTo(PolicyCli.USAGE);
        assertThat(output()).contains("ERROR Cannot read policy folder", "rules", "give --rules and --dmn")
                .doesNotContain("Caused by", "Exception");
    }

    @Test
    void anUnknownCommandPrintsUsageAndExitsTwo() {
        assertThat(cli.run("deploy")).isEqualTo(PolicyCli.USAGE);
        assertThat(cli.run("test", "--cases")).isEqualTo(PolicyCli.USAGE);
        assertThat(output()).contains("usage: policy validate");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Path copyOf(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
