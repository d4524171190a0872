package dev.arbiter.lifecycle;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.Texts.emoji;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.scenario.ScenarioLoader;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Policy owners validate, test, activate and roll back policy over the API; a candidate goes live only when it
 * compiles and every scenario passes, and the history says who changed what. Activates versions, so it runs in a
 * context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.test.context=lifecycle")
@DirtiesContext
class PolicyLifecycleApiTest extends HttpServiceTest {

    private static final String POLICIES = "/api/v1/policies";
    private static final String CATALOG = "rules/reason-codes.yaml";
    private static final String THRESHOLDS = "dmn-models/confidence-thresholds.dmn";
    private static final String KILL_SWITCH = "rules/kill-switch.drl";
    /** The most characters one uploaded file may have: {@code arbiter.api.max-string-length}. */
    private static final int MAX_FILE = 1_048_576;

    @Test
    void theActiveVersionIsTheOneDecisionsCarry() {
        JsonNode active = json(api.get(POLICIES + "/active"));

        assertThat(active.path("version").asString()).hasSize(64)
                .isEqualTo(api.decided(automatableChatRequest()).path("policyVersion").asString());
        assertThat(active.path("activatedBy").asString()).isNotBlank();
    }

    @Test
    void theShippedFilesAreValid() {
        JsonNode report = json(api.post(POLICIES + "/validate", null));

        assertThat(report.path("valid").asBoolean()).isTrue();
        assertThat(report.path("errors").size()).isZero();
        assertThat(report.path("version").asString()).isEqualTo(shipped().version());
    }

    @Test
    void aDrlSyntaxErrorIsReportedWithFileAndLine() {
        Map<String, String> files = withEdit(shipped().contents(), KILL_SWITCH, "then", "then then");

        JsonNode report = json(api.post(POLICIES + "/validate", Map.of("files", files)));

        assertThat(report.path("valid").asBoolean()).isFalse();
        JsonNode error = report.path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo(KILL_SWITCH);
        assertThat(error.path("line").asInt()).isPositive();
    }

    @Test
    void testingTheShippedPolicyPassesEveryScenarioAndReportsCoverage() {
        JsonNode gate = json(api.post(POLICIES + "/test", null));

        JsonNode scenarios = gate.path("scenarios");
        assertThat(scenarios.path("failed").asInt()).isZero();
        assertThat(scenarios.path("total").asInt()).isGreaterThanOrEqualTo(60);
        JsonNode coverage = scenarios.path("coverage");
        assertThat(coverage.path("rows").asInt()).isPositive();
        assertThat(coverage.path("rowsCovered").asInt() + coverage.path("uncoveredRows").size())
                .isEqualTo(coverage.path("rows").asInt());
        assertThat(coverage.path("rulesCovered").asInt() + coverage.path("uncoveredRules").size())
                .isEqualTo(coverage.path("rules").asInt());
    }

    @Test
    void aCaseFilterRunsOnlyTheMatchingScenarios() {
        JsonNode scenarios = json(api.post(POLICIES + "/test", Map.of("caseName", "quiet hours"))).path("scenarios");

        assertThat(scenarios.path("total").asInt()).isPositive().isLessThan(20);
        scenarios.path("cases").forEach(each -> assertThat(each.path("name").asString().toLowerCase()).contains("quiet hours"));
    }

    @Test
    void aCaseFilterThatMatchesNoCaseIsAProblemNamingCaseName() {
        JsonNode problem = assertProblem(api.post(POLICIES + "/test", Map.of("caseName", "no case has this name")), 400);

        assertThat(errorFields(problem)).containsExactly("caseName");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("matches no case", "no case has this name");
    }

    @Test
    void aScenarioWithAProfileValueTheChurnModelDoesNotKnowFailsNamingTheFieldAndTheValues() {
        JsonNode gate = json(api.post(POLICIES + "/test", Map.of("scenarios", Map.of(
                "policy-tests/profile.yaml", scenarioWithContract("Forever"))))).path("scenarios");

        assertThat(gate.path("failed").asInt()).isEqualTo(1);
        assertThat(gate.path("cases").get(0).path("failures").toString())
                .contains("customer.profile.contract must be one of [Month-to-month, One year, Two year]");
    }

    @Test
    void aScenarioExpectingAValueNoDecisionCanHaveStopsTheRunNamingFileCaseAndValue() {
        JsonNode gate = json(api.post(POLICIES + "/test", Map.of("scenarios", Map.of(
                "policy-tests/typo.yaml", scenarioExpecting("{ outcome: AUTOMATED }")))));

        assertThat(gate.path("scenarios").isNull()).isTrue();
        assertThat(gate.path("problem").asString()).isEqualTo("policy-tests/typo.yaml: case 'A routine question is automated':"
                + " outcome AUTOMATED is not a valid outcome; one of [AUTOMATE, HUMAN_REVIEW, ROUTE_TO_AGENT, ESCALATE]");
    }

    @Test
    void aCandidateWhoseScenarioNamesACodeMissingFromItsCatalogIsNotActivated() {
        String before = json(api.get(POLICIES + "/active")).path("version").asString();
        Map<String, String> files = withEdit(shipped().contents(), CATALOG, "owner: Legal", "owner: Legal counsel");

        JsonNode problem = assertProblem(api.post(POLICIES + "/activate", Map.of("files", files, "scenarios", Map.of(
                "policy-tests/typo.yaml", scenarioExpecting("{ outcome: AUTOMATE, reasonsExclude: [AUTOMATION_APROVED] }")))), 422);

        assertThat(problem.path("detail").asString()).startsWith("1 of 1 scenario(s) failed");
        assertThat(problem.path("gate").path("scenarios").path("cases").get(0).path("failures").get(0).asString())
                .isEqualTo("the expectation is not valid: reasonsExclude names AUTOMATION_APROVED, which is not in the reason catalog");
        assertThat(json(api.get(POLICIES + "/active")).path("version").asString()).isEqualTo(before);
    }

    @Test
    void aCandidateThatBreaksAScenarioIsRejectedAndTheOldVersionKeepsDeciding() {
        String before = json(api.get(POLICIES + "/active")).path("version").asString();
        Map<String, String> lowered = withEdit(shipped().contents(), THRESHOLDS, "<text>0.85</text>", "<text>0.80</text>");

        JsonNode problem = assertProblem(client("mallory").post(POLICIES + "/activate", Map.of("files", lowered)), 422);

        assertThat(problem.path("gate").path("scenarios").path("failed").asInt()).isPositive();
        assertThat(json(api.get(POLICIES + "/active")).path("version").asString()).isEqualTo(before);
        assertThat(api.decided(automatableChatRequest()).path("policyVersion").asString()).isEqualTo(before);
    }

    @Test
    void aRuleThatKeepsReactivatingItselfIsRejectedInSecondsNamingTheRuleAndAuditedAsRejected() {
        String before = json(api.get(POLICIES + "/active")).path("version").asString();
        Map<String, String> looping = new TreeMap<>(shipped().contents());
        looping.put("rules/loop.drl", LOOPING_RULE);
        long start = System.nanoTime();

        JsonNode problem = assertProblem(client("loop-author").post(POLICIES + "/activate", Map.of("files", looping)), 422);

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
        JsonNode scenarios = problem.path("gate").path("scenarios");
        assertThat(scenarios.path("failed").asInt()).isPositive();
        assertThat(failuresOfFailedCases(scenarios)).allSatisfy(failures -> assertThat(failures).contains(
                "'Looping rule' (rules/loop.drl)", "in one evaluation, which reached the limit of 10,000 rule firings",
                "update/modify without a guard or no-loop"));
        assertThat(failuresOfFailedCases(scenarios)).anySatisfy(failures -> assertThat(failures)
                .contains("rule 'Looping rule' (rules/loop.drl) fired 10,000 times in one evaluation"));
        JsonNode audited = json(api.get("/api/v1/audit?actor=loop-author")).path("items");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.path("action").asString()).isEqualTo("POLICY_ACTIVATE_REJECTED");
            assertThat(entry.path("target").asString()).isEqualTo(new PolicyFiles(looping).version());
        });
        assertThat(json(api.get(POLICIES + "/active")).path("version").asString()).isEqualTo(before);
        assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("AUTOMATE");
    }

    @Test
    void aScenarioThatEndedInPolicyEngineErrorSaysWhyTheEngineFailed() {
        Map<String, String> unique = withEdit(shipped().contents(), THRESHOLDS,
                "<decisionTable id=\"confidence-check-table\" hitPolicy=\"COLLECT\">",
                "<decisionTable id=\"confidence-check-table\" hitPolicy=\"UNIQUE\">");

        JsonNode scenarios = json(api.post(POLICIES + "/test", Map.of("files", unique, "caseName", "AI answer exactly at 0.85")))
                .path("scenarios");

        assertThat(scenarios.path("failed").asInt()).isOne();
        assertThat(scenarios.path("cases").get(0).path("failures").toString()).contains(
                "reasons should be [AUTOMATION_APPROVED] but was [POLICY_ENGINE_ERROR]",
                "the policy failed while deciding", "Multiple matches found for decision table 'Confidence check'");
    }

    @Test
    void aCandidateThatDoesNotCompileIsRejectedWithItsErrors() {
        Map<String, String> broken = withEdit(shipped().contents(), KILL_SWITCH, "then", "then then");

        JsonNode problem = assertProblem(api.post(POLICIES + "/activate", Map.of("files", broken)), 422);

        assertThat(problem.path("gate").path("validation").path("errors").get(0).path("file").asString()).isEqualTo(KILL_SWITCH);
    }

    @Test
    void activatingAPassingCandidateSwapsTheVersionAndRecordsWhoWhyAndTheDiff() {
        String before = json(api.get(POLICIES + "/active")).path("version").asString();
        Map<String, String> files = withEdit(shipped().contents(), CATALOG, "owner: Legal", "owner: Legal department");

        HttpResponse<String> response = client("alice").post(POLICIES + "/activate",
                Map.of("files", files, "label", "legal owner renamed", "comment", "ticket POL-7"));

        JsonNode result = json(response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String after = result.path("version").asString();
        assertThat(after).isNotEqualTo(before).isEqualTo(new PolicyFiles(files).version());
        assertThat(api.decided(automatableChatRequest()).path("policyVersion").asString()).isEqualTo(after);
        JsonNode newest = json(api.get(POLICIES + "/versions")).get(0);
        assertThat(newest.path("version").asString()).isEqualTo(after);
        assertThat(newest.path("author").asString()).isEqualTo("alice");
        assertThat(newest.path("label").asString()).isEqualTo("legal owner renamed");
        assertThat(newest.path("active").asBoolean()).isTrue();
        JsonNode diff = json(api.get(POLICIES + "/versions/" + before + "/diff/" + after));
        assertThat(diff.path("files")).singleElement().satisfies(file -> {
            assertThat(file.path("path").asString()).isEqualTo(CATALOG);
            assertThat(file.path("change").asString()).isEqualTo("MODIFIED");
            assertThat(file.path("diff").asString()).contains("-  owner: Legal\n", "+  owner: Legal department\n");
        });

        JsonNode rolledBack = json(client("bob").post(POLICIES + "/rollback", Map.of("version", before)));

        assertThat(rolledBack.path("activated").asBoolean()).isTrue();
        assertThat(json(api.get(POLICIES + "/active")).path("activatedBy").asString()).isEqualTo("bob");
        assertThat(json(api.get(POLICIES + "/active")).path("action").asString()).isEqualTo("ROLLBACK");
        assertThat(api.decided(automatableChatRequest()).path("policyVersion").asString()).isEqualTo(before);
    }

    @Test
    void aLabelOf200EmojiAndCommentsOf2000EmojiAreStoredWhole() {
        String before = json(api.get(POLICIES + "/active")).path("version").asString();
        Map<String, String> files = withEdit(shipped().contents(), CATALOG, "owner: Legal", "owner: Legal team");

        HttpResponse<String> activated = api.post(POLICIES + "/activate",
                Map.of("files", files, "label", emoji(200), "comment", emoji(2000)));
        HttpResponse<String> rolledBack = api.post(POLICIES + "/rollback", Map.of("version", before, "comment", emoji(2000)));

        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        JsonNode stored = json(api.get(POLICIES + "/versions")).get(0);
        assertThat(stored.path("version").asString()).isEqualTo(new PolicyFiles(files).version());
        assertThat(stored.path("label").asString()).isEqualTo(emoji(200));
        assertThat(stored.path("comment").asString()).isEqualTo(emoji(2000));
    }

    @ParameterizedTest
    @CsvSource({"/activate, label, 201, 200", "/activate, comment, 2001, 2000", "/rollback, comment, 2001, 2000",
            "/test, caseName, 201, 200"})
    void aTextOverItsLimitInCharactersNamesTheFieldAndTheLimit(String endpoint, String field, int length, int limit) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(field, emoji(length)));
        if (endpoint.equals("/rollback")) {
            body.put("version", "f".repeat(64));
        }

        JsonNode problem = assertProblem(api.post(POLICIES + endpoint, body), 400);

        assertThat(errorFields(problem)).containsExactly(field);
        assertThat(problem.path("errors").get(0).path("message").asString())
                .isEqualTo("must be at most " + limit + " characters");
    }

    @ParameterizedTest
    @CsvSource({"/validate, files, rules/big.drl", "/test, scenarios, policy-tests/big.yaml"})
    void anUploadedFileLongerThanAJsonStringMayBeNamesTheFileAndTheLimitInCharacters(String endpoint, String field, String path) {
        JsonNode problem = assertProblem(api.post(POLICIES + endpoint, Map.of(field, Map.of(path, "#".repeat(MAX_FILE + 1)))), 400);

        assertThat(errorFields(problem)).containsExactly(field + "['" + path + "']");
        assertThat(problem.path("errors").get(0).path("message").asString())
                .isEqualTo("is longer than " + MAX_FILE + " characters, the most one uploaded file may have");
    }

    @Test
    void anUploadedFileOfExactlyTheLimitIsAccepted() {
        Map<String, String> files = new TreeMap<>(shipped().contents());
        files.put("rules/notes.yaml", "#".repeat(MAX_FILE));

        JsonNode report = json(api.post(POLICIES + "/validate", Map.of("files", files)));

        assertThat(report.path("version").asString()).isEqualTo(new PolicyFiles(files).version());
    }

    @Test
    void aTextOtherThanAFileOverTheJsonStringLimitKeepsTheGeneralMessage() {
        JsonNode problem = assertProblem(api.post(POLICIES + "/activate", Map.of("label", "#".repeat(MAX_FILE + 1))), 400);

        assertThat(errorFields(problem)).containsExactly("label");
        assertThat(problem.path("errors").get(0).path("message").asString())
                .isEqualTo("contains a value that exceeds a JSON limit: String value length (" + (MAX_FILE + 1)
                        + ") exceeds the maximum allowed (" + MAX_FILE + ")");
    }

    @Test
    void activatingTheActiveVersionAgainChangesNothing() {
        JsonNode result = json(api.post(POLICIES + "/activate", Map.of("files", activeFiles())));

        assertThat(result.path("activated").asBoolean()).isTrue();
        assertThat(result.path("changed").asBoolean()).isFalse();
    }

    @Test
    void rollingBackToAnUnknownVersionIsNotFound() {
        assertProblem(api.post(POLICIES + "/rollback", Map.of("version", "f".repeat(64))), 404);
    }

    @Test
    void aRollbackWithoutVersionNamesTheField() {
        JsonNode problem = assertProblem(client("bob").post(POLICIES + "/rollback", Map.of()), 400);

        assertThat(errorFields(problem)).containsExactly("version");
    }

    @Test
    void anUploadedPathOutsideThePolicyFoldersIsRejected() {
        Map<String, String> files = new LinkedHashMap<>(shipped().contents());
        files.put("../etc/passwd.yaml", "x: 1");

        JsonNode problem = assertProblem(api.post(POLICIES + "/validate", Map.of("files", files)), 400);

        assertThat(errorFields(problem)).containsExactly("files['../etc/passwd.yaml']");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/x.drl", "foo/bar/baz.drl", "foo/x.yaml", "policy-tests/x.yaml", "x.drl", "rules/x.txt",
            "rules/\u00fc.txt", "rules"})
    void aPolicyFileOutsideRulesAndDmnModelsIsRejectedNamingItsPath(String path) {
        JsonNode problem = assertProblem(api.post(POLICIES + "/validate", Map.of("files", withFile(path))), 400);

        assertThat(errorFields(problem)).containsExactly("files['" + path + "']");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("rules/", "dmn-models/");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "rules/\u00fc.drl| has the character '\u00fc' (U+00FC) in '\u00fc.drl'",
            "rules/my file.drl| has a space in 'my file.drl'",
            "rules/caf\u00e9/x.drl| has the character '\u00e9' (U+00E9) in 'caf\u00e9'",
            "rules/.hidden.drl| has a name starting with a dot, '.hidden.drl'",
            "rules/./x.drl| has a name starting with a dot, '.'",
            "dmn-models/../rules/x.dmn| has a name starting with a dot, '..'",
            "rules//x.drl| has an empty file or folder name (two slashes in a row)"})
    void aPolicyFileInTheRightPlaceWithANameThatIsNotAllowedIsToldWhatIsWrongWithTheName(String path, String why) {
        JsonNode problem = assertProblem(api.post(POLICIES + "/validate", Map.of("files", withFile(path))), 400);

        assertThat(errorFields(problem)).containsExactly("files['" + path + "']");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo(why.strip()
                + ": file and folder names may use only ASCII letters, digits, ., _ and -, and may not start with a dot");
    }

    @Test
    void everyEndpointTakingFilesRejectsAFileOutsideThePolicyFolders() {
        Map<String, String> files = withFile("foo/bar/baz.drl");

        assertThat(errorFields(assertProblem(api.post(POLICIES + "/test", Map.of("files", files)), 400)))
                .containsExactly("files['foo/bar/baz.drl']");
        assertThat(errorFields(assertProblem(api.post(POLICIES + "/activate", Map.of("files", files)), 400)))
                .containsExactly("files['foo/bar/baz.drl']");
    }

    @Test
    void aScenarioFileOutsidePolicyTestsIsRejectedNamingItsPath() {
        Map<String, String> scenarios = new TreeMap<>(shippedScenarios());
        scenarios.put("rules/x.yaml", scenarios.values().iterator().next());

        JsonNode problem = assertProblem(api.post(POLICIES + "/test", Map.of("scenarios", scenarios)), 400);

        assertThat(errorFields(problem)).containsExactly("scenarios['rules/x.yaml']");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("policy-tests/");
    }

    @Test
    void aPolicyFileInASubfolderOfRulesBelongsToThePolicy() {
        Map<String, String> files = withFile("rules/extra/notes.yaml");

        JsonNode report = json(api.post(POLICIES + "/validate", Map.of("files", files)));

        assertThat(report.path("version").asString()).isEqualTo(new PolicyFiles(files).version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=-1", "limit=abc", "limit=", "limit=1&limit=2"})
    void aBadVersionsLimitIsAProblemNamingTheParameter(String query) {
        JsonNode problem = assertProblem(api.get(POLICIES + "/versions?" + query), 400);

        assertThat(problem.path("type").asString()).endsWith("/invalid-request");
        assertThat(errorFields(problem)).containsExactly("limit");
    }

    @Test
    void aVersionsLimitOutOfRangeIsToldTheRange() {
        JsonNode problem = assertProblem(api.get(POLICIES + "/versions?limit=501"), 400);

        assertThat(problem.path("errors").get(0).path("message").asString()).contains("1 to 500");
    }

    @Test
    void aVersionsLimitInRangeLimitsTheHistory() {
        assertThat(json(api.get(POLICIES + "/versions?limit=1")).size()).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/versions?bogus=1", "/versions?limit=1&bogus=1", "/active?bogus=1",
            "/versions/a/diff/b?bogus=1"})
    void anUnknownParameterOfAPolicyReadIsAProblemNamingIt(String pathAndQuery) {
        JsonNode problem = assertProblem(api.get(POLICIES + pathAndQuery), 400);

        assertThat(problem.path("type").asString()).endsWith("/invalid-request");
        assertThat(errorFields(problem)).containsExactly("bogus");
    }

    /** A rule that updates the interaction it matched, so it matches again: it would fire without end. */
    private static final String LOOPING_RULE = """
            package arbiter.policy;
            import dev.arbiter.policy.facts.*;
            rule "Looping rule"
            when $i : Interaction( channel == "CHAT" )
            then update( $i );
            end
            """;

    /** @return the failures of each failed case of a scenario report, each case's as one text */
    private static java.util.List<String> failuresOfFailedCases(JsonNode scenarios) {
        java.util.List<String> failures = new java.util.ArrayList<>();
        scenarios.path("cases").forEach(each -> {
            if (!each.path("passed").asBoolean()) {
                failures.add(each.path("failures").toString());
            }
        });
        return failures;
    }

    /** @return the shipped files plus one more file at {@code path}, holding a harmless YAML document */
    private static Map<String, String> withFile(String path) {
        Map<String, String> files = new TreeMap<>(shipped().contents());
        files.put(path, "note: 1\n");
        return files;
    }

    private Map<String, String> activeFiles() {
        String version = json(api.get(POLICIES + "/active")).path("version").asString();
        PolicyFiles shipped = shipped();
        assertThat(version).as("these tests start from the shipped files").isIn(shipped.version(),
                new PolicyFiles(withEdit(shipped.contents(), CATALOG, "owner: Legal", "owner: Legal department")).version());
        return version.equals(shipped.version()) ? shipped.contents()
                : withEdit(shipped.contents(), CATALOG, "owner: Legal", "owner: Legal department");
    }

    static PolicyFiles shipped() {
        return PolicyFiles.read(Path.of("rules"), Path.of("dmn-models"));
    }

    private static String scenarioWithContract(String contract) {
        return """
                concern: A profile the churn model scores
                base:
                  lineOfBusiness: RETAIL
                  at: "2026-11-21T10:00:00Z"
                  customer: { id: c-profile, tier: STANDARD, profile: { tenureMonths: 3, contract: "%s" } }
                  interaction: { channel: CHAT, message: Where is my parcel?, intent: { label: track_order, confidence: 0.95 } }
                cases:
                  - name: A short-tenure customer asks where the parcel is
                    expect: { outcome: AUTOMATE }
                """.formatted(contract);
    }

    /** @return a scenario file of one case, a routine question, that expects {@code expect} (YAML flow mapping) */
    static String scenarioExpecting(String expect) {
        return """
                concern: A routine question
                base:
                  lineOfBusiness: RETAIL
                  at: "2026-11-21T10:00:00Z"
                  customer: { id: c-typo, tier: STANDARD, timeZone: Europe/Berlin }
                  interaction: { channel: CHAT, message: Where is my parcel?, intent: { label: track_order, confidence: 0.95 } }
                cases:
                  - name: A routine question is automated
                    expect: %s
                """.formatted(expect);
    }

    static Map<String, String> shippedScenarios() {
        return ScenarioLoader.read(Path.of("policy-tests"));
    }

    /** @return a copy of {@code files} with the first occurrence of {@code text} in {@code path} replaced */
    static Map<String, String> withEdit(Map<String, String> files, String path, String text, String replacement) {
        Map<String, String> edited = new TreeMap<>(files);
        String content = edited.get(path);
        assertThat(content).as("fixture expects %s in %s", text, path).contains(text);
        edited.put(path, content.replaceFirst(java.util.regex.Pattern.quote(text), java.util.regex.Matcher.quoteReplacement(replacement)));
        return edited;
    }
}
