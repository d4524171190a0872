package dev.arbiter.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scenario file with a value no decision can have (a misspelt outcome, model tier, action status, channel) or a
 * case that expects nothing is refused when it is read, naming the file, the case, the value and what it may be:
 * such a case would otherwise fail as a mere mismatch, or pass without checking anything.
 */
class ScenarioLoaderTest {

    private static final String FILE = "policy-tests/typos.yaml";
    private static final String CASE = "A routine question is automated";

    /** @return a scenario file whose one case is {@code CASE} with the keys {@code caseYaml} (YAML, one key a line) */
    private static Map<String, String> fileWithCase(String caseYaml) {
        return Map.of(FILE, """
                concern: Typos in expectations
                base:
                  lineOfBusiness: RETAIL
                  at: "2026-11-21T10:00:00Z"
                  customer: { id: c-typo, tier: STANDARD, timeZone: Europe/Berlin }
                  interaction: { channel: CHAT, message: Where is my parcel?, intent: { label: track_order, confidence: 0.95 } }
                cases:
                  - name: %s
                """.formatted(CASE) + caseYaml.indent(4));
    }

    private static String refusal(String caseYaml) {
        ScenarioFormatException refused = catchThrowableOfType(ScenarioFormatException.class,
                () -> new ScenarioLoader().parse(fileWithCase(caseYaml)));
        assertThat(refused).as("the loader should refuse %s", caseYaml).isNotNull();
        return refused.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "expect: { outcome: AUTOMATED }"
                    + "| outcome AUTOMATED is not a valid outcome; one of [AUTOMATE, HUMAN_REVIEW, ROUTE_TO_AGENT, ESCALATE]",
            "expect: { modelTier: light }| modelTier light is not a valid model tier; one of [LIGHT, HEAVY, NONE]",
            "expect: { intentSource: USER }| intentSource USER is not a valid intent source; one of [CALLER, MODEL, NONE]",
            "expect: { actions: { a1: ALLOW } }| actions.a1 ALLOW is not a valid action status; one of [ALLOWED, SUPPRESSED]",
            "expect: { priority: 0 }| priority 0 is not a valid priority; a whole number from 1 (highest) to 4",
            "expect: { priority: 5 }| priority 5 is not a valid priority; a whole number from 1 (highest) to 4",
    })
    void anExpectedValueNoDecisionCanHaveIsRefusedNamingFileCaseValueAndTheAllowedValues(String caseYaml, String why) {
        assertThat(refusal(caseYaml)).isEqualTo(FILE + ": case '" + CASE + "': " + why);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"FAX", "Chat", "global"})
    void aPausedScopeThatIsNeitherGlobalNorAChannelIsRefused(String scope) {
        assertThat(refusal("automation: { paused: [" + scope + "] }\nexpect: { outcome: ROUTE_TO_AGENT }"))
                .isEqualTo(FILE + ": case '" + CASE + "': automation.paused " + scope
                        + " is not a valid scope; one of [GLOBAL, CHAT, EMAIL, VOICE, SMS, SOCIAL, WEB]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"expect: {}", "expect: { reasonsInclude: [], actions: {} }"})
    void aCaseThatExpectsNothingIsRefused(String caseYaml) {
        assertThat(refusal(caseYaml)).startsWith(FILE + ": case '" + CASE + "': expect checks nothing: a case must expect something");
    }

    @Test
    void expectingNoReasonAndPausingGlobalOrAChannelAreValid() {
        var scenarios = new ScenarioLoader().parse(fileWithCase("automation: { paused: [GLOBAL, CHAT] }\nexpect: { reasons: [] }"));

        assertThat(scenarios).singleElement().satisfies(scenario ->
                assertThat(scenario.pausedScopes()).containsExactly("GLOBAL", "CHAT"));
    }
}
