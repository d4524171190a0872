package dev.arbiter.compliance;

import static dev.arbiter.support.Api.DECISIONS;
import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.with;
import static dev.arbiter.support.DecisionRequests.withIntentConfidence;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static dev.arbiter.support.DecisionRequests.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.scenario.ScenarioLoader;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A compliance reviewer replays stored decisions against their recorded policy (or another version) and reads
 * plain-language explanations of them. Activates a policy version, so it runs in a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.test.context=review")
@DirtiesContext
class ReviewApiTest extends HttpServiceTest {

    private static final String POLICIES = "/api/v1/policies";
    private static final String ROUTING = "dmn-models/routing.dmn";
    private static final String ROUTING_SCENARIOS = "policy-tests/routing-and-priority.yaml";

    private HttpResponse<String> replay(String decisionId, String version) {
        return api.post(DECISIONS + "/" + decisionId + "/replay" + (version == null ? "" : "?version=" + version), null);
    }

    private JsonNode replayed(String decisionId, String version) {
        HttpResponse<String> response = replay(decisionId, version);
        assertThat(response.statusCode()).as("replay; body: %s", response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode explanation(String decisionId) {
        HttpResponse<String> response = api.get(DECISIONS + "/" + decisionId + "/explanation");
        assertThat(response.statusCode()).as("explanation; body: %s", response.body()).isEqualTo(200);
        return json(response);
    }

    private int storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Integer.class).single();
    }

    // --- replay ------------------------------------------------------------------------------------------------

    @Test
    void replayingAFreshDecisionAgainstItsRecordedVersionIsIdenticalAndStoresNothing() {
        JsonNode decision = api.decided(withRequestId(designExampleRequest(), uniqueRequestId("replay")));
        String id = decision.path("decisionId").asString();
        int before = storedDecisions();

        JsonNode report = replayed(id, null);

        assertThat(report.path("decisionId").asString()).isEqualTo(id);
        assertThat(report.path("result").asString()).as(report.toString()).isEqualTo("IDENTICAL");
        assertThat(report.path("differences").size()).isZero();
        assertThat(report.path("comparedWith").path("policyVersion").asString()).isEqualTo(decision.path("policyVersion").asString());
        assertThat(report.path("comparedWith").path("recorded").asBoolean()).isTrue();
        assertThat(report.path("recordedPolicyVersion").asString()).isEqualTo(decision.path("policyVersion").asString());
        assertThat(report.path("inputs").path("at").asString()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(report.path("pinnedScores")).as("the churn model scored the profile")
                .anySatisfy(score -> {
                    assertThat(score.path("name").asString()).isEqualTo("churn");
                    assertThat(score.path("source").asString()).isEqualTo("MODEL");
                    assertThat(score.path("value").asDouble()).isEqualTo(decision.path("churnRisk").asDouble());
                });
        assertThat(report.path("pinnedScores")).as("the caller supplied the intent")
                .noneSatisfy(score -> assertThat(score.path("name").asString()).isEqualTo("intent"));
        assertThat(storedDecisions()).isEqualTo(before);
    }

    @Test
    void aModelScoredDecisionReplaysIdenticallyWithTheRecordedIntentPinned() {
        ObjectNode request = without(with(automatableChatRequest(), "interaction.message",
                "how long does it take for my parcel to arrive"), "interaction.intent");
        JsonNode decision = api.decided(request);
        assertThat(decision.path("intent").path("source").asString()).isEqualTo("MODEL");

        JsonNode report = replayed(decision.path("decisionId").asString(), null);

        assertThat(report.path("result").asString()).as(report.toString()).isEqualTo("IDENTICAL");
        assertThat(report.path("pinnedScores")).anySatisfy(score -> {
            assertThat(score.path("name").asString()).isEqualTo("intent");
            assertThat(score.path("source").asString()).isEqualTo("MODEL");
            assertThat(score.path("label").asString()).isEqualTo(decision.path("intent").path("label").asString());
            assertThat(score.path("value").asDouble()).isEqualTo(decision.path("intent").path("confidence").asDouble());
            assertThat(score.path("modelVersion").asString()).isEqualTo(decision.path("models").get(0).path("version").asString());
        });
        assertThat(report.path("modelVersions")).anySatisfy(model -> {
            assertThat(model.path("name").asString()).isEqualTo("intent");
            assertThat(model.path("recordedVersion").asString()).isEqualTo(decision.path("models").get(0).path("version").asString());
            assertThat(model.path("sameAsLoaded").asBoolean()).isTrue();
        });
    }

    @Test
    void replayingAgainstANewerVersionShowsExactlyWhatItWouldChangeWhileTheRecordedVersionStillAgrees() {
        ObjectNode newsletter = with(with(automatableChatRequest(), "interaction.message", "Sign me up for the newsletter"),
                "interaction.intent.label", "newsletter_subscription");
        JsonNode decision = api.decided(newsletter);
        String recorded = decision.path("policyVersion").asString();
        assertThat(decision.path("route").path("queue").asString()).isEqualTo("marketing");
        Map<String, String> files = withEdit(activeFiles(recorded), ROUTING, "<text>\"marketing\"</text>", "<text>\"newsletters\"</text>");
        Map<String, String> scenarios = withEdit(ScenarioLoader.read(Path.of("policy-tests")), ROUTING_SCENARIOS,
                "queue: marketing", "queue: newsletters");
        HttpResponse<String> activation = client("review-test").post(POLICIES + "/activate", Map.of("files", files, "scenarios", scenarios,
                "label", "newsletter queue"));
        assertThat(activation.statusCode()).as(activation.body()).isEqualTo(200);
        String newer = json(activation).path("version").asString();
        try {
            JsonNode changed = replayed(decision.path("decisionId").asString(), newer);

            assertThat(changed.path("result").asString()).isEqualTo("CHANGED");
            assertThat(changed.path("comparedWith").path("policyVersion").asString()).isEqualTo(newer);
            assertThat(changed.path("comparedWith").path("recorded").asBoolean()).isFalse();
            assertThat(changed.path("recordedPolicyVersion").asString()).isEqualTo(recorded);
            assertThat(changed.path("differences")).singleElement().satisfies(difference -> {
                assertThat(difference.path("field").asString()).isEqualTo("route.queue");
                assertThat(difference.path("recorded").asString()).isEqualTo("marketing");
                assertThat(difference.path("replayed").asString()).isEqualTo("newsletters");
            });

            JsonNode same = replayed(decision.path("decisionId").asString(), null);
            assertThat(same.path("result").asString()).as(same.toString()).isEqualTo("IDENTICAL");
            assertThat(same.path("comparedWith").path("policyVersion").asString()).isEqualTo(recorded);
            assertThat(same.path("comparedWith").path("recorded").asBoolean()).isTrue();
        } finally {
            HttpResponse<String> rollback = client("review-test").post(POLICIES + "/rollback", Map.of("version", recorded));
            assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
        }
    }

    @Test
    void aReplayUsesTheKillSwitchAsItWasWhenTheDecisionWasTaken() {
        api.automation("{\"paused\": true, \"channel\": \"SMS\"}");
        JsonNode decision;
        try {
            decision = api.decided(with(automatableChatRequest(), "interaction.channel", "SMS"));
        } finally {
            api.automation("{\"paused\": false, \"channel\": \"SMS\"}");
        }
        assertThat(decision.path("outcome").asString()).isEqualTo("ROUTE_TO_AGENT");

        JsonNode report = replayed(decision.path("decisionId").asString(), null);

        assertThat(report.path("result").asString()).as(report.toString()).isEqualTo("IDENTICAL");
        assertThat(report.path("inputs").path("automationPauseScope").asString()).isEqualTo("SMS");
    }

    @Test
    void replayingAnUnknownDecisionIsNotFound() {
        assertProblem(replay("no-such-decision", null), 404);
    }

    @Test
    void replayingAgainstAnUnknownVersionIsNotFoundAndNamesIt() {
        String id = api.decided(automatableChatRequest()).path("decisionId").asString();
        String unknown = "f".repeat(64);

        JsonNode problem = assertProblem(replay(id, unknown), 404);

        assertThat(problem.path("detail").asString()).contains(unknown);
    }

    @Test
    void anEmptyRepeatedOrUnknownReplayParameterIsA400NamingIt() {
        String id = api.decided(automatableChatRequest()).path("decisionId").asString();
        String replay = DECISIONS + "/" + id + "/replay";

        assertThat(errorFields(assertProblem(api.post(replay + "?version=", null), 400))).containsExactly("version");
        assertThat(errorFields(assertProblem(api.post(replay + "?version=a&version=b", null), 400))).containsExactly("version");
        assertThat(errorFields(assertProblem(api.post(replay + "?verison=abc", null), 400))).containsExactly("verison");
    }

    // --- explanation -------------------------------------------------------------------------------------------

    @Test
    void aLowConfidenceReviewNamesTheValueAndTheThresholdThatBlockedAutomation() {
        JsonNode decision = api.decided(withIntentConfidence(automatableChatRequest(), 0.849));
        assertThat(decision.path("outcome").asString()).isEqualTo("HUMAN_REVIEW");

        JsonNode explanation = explanation(decision.path("decisionId").asString());

        assertThat(explanation.path("outcome").asString()).isEqualTo("HUMAN_REVIEW");
        assertThat(explanation.path("policyVersion").asString()).isEqualTo(decision.path("policyVersion").asString());
        assertThat(explanation.path("templates").path("recorded").asBoolean()).isTrue();
        JsonNode sections = explanation.path("sections");
        assertThat(sections.path("decided").asString()).contains(decision.path("route").path("queue").asString());
        assertThat(sections.path("whyNotAutomated")).singleElement()
                .satisfies(line -> assertThat(line.asString()).contains("0.849", "0.85", "dmn-models/confidence-thresholds.dmn"));
        assertThat(texts(sections.path("reasons"))).contains(decision.path("reasons").get(0).path("message").asString());
        assertThat(sections.path("closing").asString()).contains(decision.path("decisionId").asString(),
                decision.path("policyVersion").asString());
        assertThat(explanation.path("text").asString()).startsWith(sections.path("decided").asString())
                .contains(sections.path("whyNotAutomated").get(0).asString())
                .endsWith(sections.path("closing").asString());
    }

    @Test
    void anEscalationNamesTheReasonsMessageAndTheRuleThatAskedForIt() {
        JsonNode decision = api.decided(with(automatableChatRequest(), "interaction.message",
                "Where is my parcel? I will sue you if it does not arrive"));
        assertThat(decision.path("outcome").asString()).isEqualTo("ESCALATE");
        JsonNode reason = decision.path("reasons").get(0);

        JsonNode explanation = explanation(decision.path("decisionId").asString());

        JsonNode sections = explanation.path("sections");
        assertThat(sections.path("decided").asString()).contains(decision.path("route").path("queue").asString());
        assertThat(texts(sections.path("reasons"))).contains(reason.path("message").asString());
        assertThat(texts(sections.path("whyNotAutomated")))
                .anySatisfy(line -> assertThat(line).contains(reason.path("source").asString(), reason.path("code").asString()));
        assertThat(explanation.path("text").asString()).contains(reason.path("message").asString());
    }

    @Test
    void anAutomatedDecisionHasNoWhyNotLines() {
        JsonNode decision = api.decided(automatableChatRequest());
        assertThat(decision.path("outcome").asString()).isEqualTo("AUTOMATE");

        JsonNode explanation = explanation(decision.path("decisionId").asString());

        assertThat(explanation.path("sections").path("whyNotAutomated").size()).isZero();
        assertThat(texts(explanation.path("sections").path("reasons")))
                .containsExactly(decision.path("reasons").get(0).path("message").asString());
        assertThat(explanation.path("text").asString()).contains(decision.path("reasons").get(0).path("message").asString());
    }

    @Test
    void eachSuppressedActionIsExplainedWithItsReasons() {
        JsonNode decision = api.decided(withRequestId(designExampleRequest(), uniqueRequestId("explain-actions")));
        JsonNode action = decision.path("actions").get(0);
        assertThat(action.path("status").asString()).isEqualTo("SUPPRESSED");

        JsonNode explanation = explanation(decision.path("decisionId").asString());

        assertThat(explanation.path("sections").path("actions")).singleElement().satisfies(line -> {
            assertThat(line.asString()).contains(action.path("id").asString());
            action.path("explanations").forEach(why -> assertThat(line.asString()).contains(why.path("message").asString()));
        });
    }

    @Test
    void explainingAnUnknownDecisionIsNotFound() {
        assertProblem(api.get(DECISIONS + "/no-such-decision/explanation"), 404);
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    /** @return the files of the version that decided, which these tests expect to be the shipped ones */
    private static Map<String, String> activeFiles(String version) {
        PolicyFiles shipped = PolicyFiles.read(Path.of("rules"), Path.of("dmn-models"));
        assertThat(version).as("this test starts from the shipped policy").isEqualTo(shipped.version());
        return shipped.contents();
    }

    /** @return a copy of {@code files} with the one occurrence of {@code text} in {@code path} replaced */
    private static Map<String, String> withEdit(Map<String, String> files, String path, String text, String replacement) {
        Map<String, String> edited = new TreeMap<>(files);
        String content = edited.get(path);
        assertThat(content).as("fixture expects %s in %s", text, path).contains(text);
        assertThat(content.indexOf(text)).as("fixture expects %s once in %s", text, path).isEqualTo(content.lastIndexOf(text));
        edited.put(path, content.replace(text, replacement));
        return edited;
    }
}
