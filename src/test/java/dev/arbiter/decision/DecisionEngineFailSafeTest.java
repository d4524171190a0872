package dev.arbiter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.scoring.IntentClassifier;
import dev.arbiter.scoring.IntentPrediction;
import dev.arbiter.scoring.Models;
import dev.arbiter.scoring.LabelScore;
import dev.arbiter.scoring.ModelRef;
import tools.jackson.databind.json.JsonMapper;

/** Whatever fails — the model, the rules — a decision is still made, conservatively and with a reason. */
class DecisionEngineFailSafeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFailingIntentModelGivesHumanReviewWithModelUnavailable() {
        Models models = new Models(classifier(List.of(), new IllegalStateException("model file corrupt")), null);

        DecisionResponse response = engine().evaluate("d-1", requestWithoutIntent(), shippedPolicy(), null, NOW, models).response();

        assertThat(response.outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(response.reasons()).extracting(DecisionResponse.ReasonView::code).contains("MODEL_UNAVAILABLE");
        assertThat(response.reasons().get(0).message()).contains("the intent model failed");
        assertThat(response.intent().source()).isEqualTo("NONE");
    }

    @Test
    void anIntentModelReturningNaNIsNeverAutomated() {
        Models models = new Models(classifier(List.of(new LabelScore("track_order", Double.NaN)), null), null);

        DecisionResponse response = engine().evaluate("d-2", requestWithoutIntent(), shippedPolicy(), null, NOW, models).response();

        assertThat(response.outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(response.reasons()).extracting(DecisionResponse.ReasonView::code).containsExactly("MODEL_UNAVAILABLE");
    }

    @Test
    void aConfidentModelScoreIsUsedAndNamedInTheAnswer() {
        Models models = new Models(classifier(List.of(new LabelScore("track_order", 0.97)), null), null);

        DecisionResponse response = engine().evaluate("d-3", requestWithoutIntent(), shippedPolicy(), null, NOW, models).response();

        assertThat(response.outcome()).isEqualTo(Outcome.AUTOMATE);
        assertThat(response.intent().source()).isEqualTo("MODEL");
        assertThat(response.models()).containsExactly(new DecisionResponse.ModelView("intent", "v-test"));
    }

    @Test
    void aRuleThatThrowsGivesHumanReviewWithPolicyEngineErrorAndTheFailureInTheTrace() {
        PolicyBundle broken = shippedPolicyWith("rules/broken.drl", """
                package arbiter.policy;
                import dev.arbiter.policy.facts.*;
                rule "Rule that fails at run time"
                when
                    Interaction()
                then
                    throw new IllegalStateException("division by zero in a consequence");
                end
                """);

        Evaluation evaluation = engine().evaluate("d-4", automatableRequest(), broken, null, NOW, Models.none());

        assertThat(evaluation.response().outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(evaluation.response().reasons()).extracting(DecisionResponse.ReasonView::code).containsExactly("POLICY_ENGINE_ERROR");
        assertThat(evaluation.response().reasons().get(0).message()).doesNotContain("division by zero");
        assertThat(evaluation.trace().failure()).contains("division by zero in a consequence");
        assertThat(evaluation.response().handoff()).isNotNull();
    }

    @Test
    void aRuleThatKeepsReactivatingItselfGivesHumanReviewWithPolicyEngineErrorNamingTheLoopInTheTrace() {
        PolicyBundle looping = shippedPolicyWith("rules/loop.drl", """
                package arbiter.policy;
                import dev.arbiter.policy.facts.*;
                rule "Looping rule"
                when $i : Interaction( channel == "CHAT" )
                then update( $i );
                end
                """);

        Evaluation evaluation = engine().evaluate("d-6", automatableRequest(), looping, null, NOW, Models.none());

        assertThat(evaluation.response().outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(evaluation.response().reasons()).extracting(DecisionResponse.ReasonView::code).containsExactly("POLICY_ENGINE_ERROR");
        assertThat(evaluation.trace().failure()).contains("rule 'Looping rule' (rules/loop.drl) fired 10,000 times",
                "update/modify without a guard or no-loop");
        assertThat(evaluation.trace().rulesFired()).isEmpty();
    }

    @Test
    void aRuleThatFailsAfterTheTablesSendsTheCaseToTheQueueTablesQueueForTheIntent() {
        PolicyBundle broken = shippedPolicyWith("rules/broken.drl", """
                package arbiter.policy;
                import dev.arbiter.policy.facts.*;
                rule "Divides by zero on the web"
                when
                    Interaction( channel == "WEB", $hour : localHour )
                then
                    insert( Finding.humanReview(kcontext, "UNKNOWN_INTENT").with("share", 100 / ($hour - $hour)) );
                end
                """);

        Evaluation evaluation = engine().evaluate("d-7", webTrackOrderRequest(), broken, null, NOW, Models.none());

        assertThat(evaluation.response().reasons()).extracting(DecisionResponse.ReasonView::code).containsExactly("POLICY_ENGINE_ERROR");
        assertThat(evaluation.trace().failure()).contains("/ by zero");
        assertThat(evaluation.response().route().queue()).isEqualTo("orders");
        assertThat(evaluation.response().route().skill()).isEqualTo("order-support");
    }

    @Test
    void aTableThatFailsStillSendsTheCaseToTheQueueTablesQueueForTheIntent() {
        PolicyBundle broken = shippedPolicyWithEdit("dmn-models/confidence-thresholds.dmn",
                "<decisionTable id=\"confidence-check-table\" hitPolicy=\"COLLECT\">",
                "<decisionTable id=\"confidence-check-table\" hitPolicy=\"UNIQUE\">");

        Evaluation evaluation = engine().evaluate("d-8", webTrackOrderRequest(), broken, null, NOW, Models.none());

        assertThat(evaluation.response().outcome()).isEqualTo(Outcome.HUMAN_REVIEW);
        assertThat(evaluation.response().reasons()).extracting(DecisionResponse.ReasonView::code).containsExactly("POLICY_ENGINE_ERROR");
        assertThat(evaluation.trace().failure()).contains("Confidence check");
        assertThat(evaluation.response().route().queue()).isEqualTo("orders");
        assertThat(evaluation.response().route().skill()).isEqualTo("order-support");
    }

    @Test
    void whenTheQueueTableFailsTooTheCaseGoesToTheQueueTheCatalogNamesForPolicyEngineError() {
        Map<String, String> files = shippedFiles();
        files.put("dmn-models/routing.dmn", files.get("dmn-models/routing.dmn").replace(
                "<decisionTable id=\"queue-table\" hitPolicy=\"FIRST\">", "<decisionTable id=\"queue-table\" hitPolicy=\"UNIQUE\">"));
        files.put("rules/reason-codes.yaml", files.get("rules/reason-codes.yaml").replace(
                "  queue: general\n  skill: customer-service\n", "  queue: policy-incidents\n  skill: on-call\n"));
        PolicyBundle broken = new PolicyLoader().load(new PolicyFiles(files));

        Evaluation evaluation = engine().evaluate("d-9", webTrackOrderRequest(), broken, null, NOW, Models.none());

        assertThat(evaluation.response().reasons()).extracting(DecisionResponse.ReasonView::code).containsExactly("POLICY_ENGINE_ERROR");
        assertThat(evaluation.trace().failure()).contains("Queue");
        assertThat(evaluation.response().route().queue()).isEqualTo("policy-incidents");
        assertThat(evaluation.response().route().skill()).isEqualTo("on-call");
    }

    @Test
    void theSameRequestIsAutomatedByTheShippedPolicy() {
        DecisionResponse response = engine().evaluate("d-5", automatableRequest(), shippedPolicy(), null, NOW, Models.none()).response();

        assertThat(response.outcome()).isEqualTo(Outcome.AUTOMATE);
        assertThat(response.handoff()).isNull();
    }

    private static DecisionEngine engine() {
        return new DecisionEngine(new FeatureExtractor(), new TraceBuilder());
    }

    private static IntentClassifier classifier(List<LabelScore> scores, RuntimeException failure) {
        return new IntentClassifier() {
            @Override
            public ModelRef model() {
                return new ModelRef("intent", "v-test");
            }

            @Override
            public IntentPrediction predict(String message, List<String> history) {
                if (failure != null) {
                    throw failure;
                }
                return new IntentPrediction(scores, List.of());
            }
        };
    }

    private static PolicyBundle shipped;

    private static synchronized PolicyBundle shippedPolicy() {
        if (shipped == null) {
            shipped = new PolicyLoader().load(PolicyFiles.read(Path.of("rules"), Path.of("dmn-models")));
        }
        return shipped;
    }

    private static PolicyBundle shippedPolicyWith(String path, String content) {
        Map<String, String> files = shippedFiles();
        files.put(path, content);
        return new PolicyLoader().load(new PolicyFiles(files));
    }

    /** @return the shipped policy with {@code target} replaced in {@code path}; fails when the file lacks it */
    private static PolicyBundle shippedPolicyWithEdit(String path, String target, String replacement) {
        Map<String, String> files = shippedFiles();
        assertThat(files.get(path)).as("fixture expects %s in %s", target, path).contains(target);
        files.put(path, files.get(path).replace(target, replacement));
        return new PolicyLoader().load(new PolicyFiles(files));
    }

    private static Map<String, String> shippedFiles() {
        return new TreeMap<>(PolicyFiles.read(Path.of("rules"), Path.of("dmn-models")).contents());
    }

    private static DecisionRequest requestWithoutIntent() {
        return JSON.readValue("""
                {"lineOfBusiness": "RETAIL", "at": "2026-11-21T10:00:00Z",
                 "customer": {"id": "c-1", "tier": "STANDARD"},
                 "interaction": {"channel": "CHAT", "message": "Where is my parcel?"}}""", DecisionRequest.class);
    }

    /** A confident order-tracking question on the web, with a confident AI answer: automated by the shipped policy. */
    private static DecisionRequest webTrackOrderRequest() {
        return JSON.readValue("""
                {"lineOfBusiness": "RETAIL", "at": "2026-11-21T10:00:00Z",
                 "customer": {"id": "c-1", "tier": "STANDARD"},
                 "interaction": {"channel": "WEB", "message": "Where is my parcel?",
                                 "intent": {"label": "track_order", "confidence": 0.95},
                                 "aiAnswer": {"confidence": 0.95}}}""", DecisionRequest.class);
    }

    private static DecisionRequest automatableRequest() {
        return JSON.readValue("""
                {"lineOfBusiness": "RETAIL", "at": "2026-11-21T10:00:00Z",
                 "customer": {"id": "c-1", "tier": "STANDARD"},
                 "interaction": {"channel": "CHAT", "message": "Where is my parcel?",
                                 "intent": {"label": "track_order", "confidence": 0.95}}}""", DecisionRequest.class);
    }
}
