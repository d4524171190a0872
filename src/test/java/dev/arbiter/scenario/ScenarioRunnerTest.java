package dev.arbiter.scenario;

import static dev.arbiter.policy.PolicyFixtures.shippedBundle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.arbiter.scoring.Models;

/**
 * A case that names a reason code the policy's catalog does not have fails naming the code and where it is, instead
 * of passing ({@code reasonsExclude}) or failing as a mismatch. Runs against the shipped policy, without Spring.
 */
class ScenarioRunnerTest {

    private static final ScenarioRunner RUNNER = ScenarioRunner.standalone(Models.none());

    private static ScenarioResult run(String expect) {
        Scenario scenario = new ScenarioLoader().parse(Map.of("policy-tests/codes.yaml", """
                concern: Reason codes in expectations
                base:
                  lineOfBusiness: RETAIL
                  at: "2026-11-21T10:00:00Z"
                  customer: { id: c-codes, tier: STANDARD, timeZone: Europe/Berlin }
                  interaction: { channel: CHAT, message: Where is my parcel?, intent: { label: track_order, confidence: 0.95 } }
                  proposedActions: [ { id: survey-1, type: SURVEY } ]
                cases:
                  - name: A routine question is automated
                    expect: %s
                """.formatted(expect))).get(0);
        return RUNNER.run(scenario, shippedBundle());
    }

    @Test
    void aMisspeltCodeInReasonsExcludeFailsTheCaseNamingIt() {
        ScenarioResult result = run("{ outcome: AUTOMATE, reasonsExclude: [AUTOMATION_APROVED] }");

        assertThat(result.failures()).containsExactly(
                "the expectation is not valid: reasonsExclude names AUTOMATION_APROVED, which is not in the reason catalog");
    }

    @Test
    void everyPlaceThatNamesACodeIsChecked() {
        ScenarioResult result = run("{ reasons: [AUTOMATION_APPROVED, NO_SUCH_1], reasonsInclude: [NO_SUCH_2],"
                + " actionReasons: { survey-1: [NO_SUCH_3] }, messageContains: { NO_SUCH_4: approved } }");

        assertThat(result.failures()).containsExactly(
                "the expectation is not valid: reasons names NO_SUCH_1, which is not in the reason catalog",
                "the expectation is not valid: reasonsInclude names NO_SUCH_2, which is not in the reason catalog",
                "the expectation is not valid: actionReasons.survey-1 names NO_SUCH_3, which is not in the reason catalog",
                "the expectation is not valid: messageContains names NO_SUCH_4, which is not in the reason catalog");
    }

    @Test
    void codesOfTheCatalogAreCheckedAgainstTheDecisionAsBefore() {
        ScenarioResult passing = run("{ outcome: AUTOMATE, reasons: [AUTOMATION_APPROVED], reasonsExclude: [LEGAL_THREAT] }");
        ScenarioResult failing = run("{ reasonsInclude: [LEGAL_THREAT] }");

        assertThat(passing.failures()).isEmpty();
        assertThat(failing.failures()).isEqualTo(List.of("reasons should include [LEGAL_THREAT] but were [AUTOMATION_APPROVED]"));
    }
}
