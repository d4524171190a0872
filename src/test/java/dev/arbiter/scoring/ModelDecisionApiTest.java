package dev.arbiter.scoring;

import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The service with the shipped models: it scores what the caller did not, and says which model did. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelDecisionApiTest extends HttpServiceTest {

    /** A parcel question without a caller-supplied intent, from a customer with a sparse profile. */
    private static ObjectNode withoutIntentWithProfile() {
        ObjectNode request = with(automatableChatRequest(), "interaction.message", "how long does it take for my parcel to arrive");
        ((ObjectNode) request.get("interaction")).remove("intent");
        return with(request, "customer.profile", Api.JSON.readTree("""
                { "tenureMonths": 2, "contract": "Month-to-month", "monthlyCharges": 95.5 }"""));
    }

    @Test
    void withoutACallerIntentTheIntentModelScoresTheMessageAndIsNamed() {
        JsonNode decision = api.decided(withoutIntentWithProfile());

        assertThat(decision.path("intent").path("source").asString()).isEqualTo("MODEL");
        assertThat(decision.path("intent").path("label").asString()).isEqualTo("delivery_period");
        assertThat(decision.path("intent").path("confidence").asDouble()).isBetween(0.85, 1.0);
        assertThat(modelNames(decision)).contains("intent");
        assertThat(decision.path("models").get(0).path("version").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void withAProfileTheChurnModelGivesTheRiskAndIsNamed() {
        JsonNode decision = api.decided(withoutIntentWithProfile());

        assertThat(decision.path("churnRisk").isNumber()).isTrue();
        assertThat(decision.path("churnRisk").asDouble()).isBetween(0.0, 1.0);
        assertThat(modelNames(decision)).containsExactly("intent", "churn");
    }

    @Test
    void theTraceKeepsTheTopThreeLabelsTheExplanationAndTheDefaultsApplied() {
        JsonNode decision = api.decided(withoutIntentWithProfile());

        JsonNode trace = Api.json(api.get(Api.DECISIONS + "/" + decision.path("decisionId").asString() + "/trace"));
        JsonNode intent = score(trace, "intent");
        assertThat(intent.path("top")).hasSize(3);
        assertThat(intent.path("explanation").get(0).path("feature").asString()).isNotBlank();
        assertThat(intent.path("model").path("name").asString()).isEqualTo("intent");
        JsonNode churn = score(trace, "churn");
        assertThat(churn.path("explanation").get(0).path("feature").asString()).contains("=");
        assertThat(churn.path("defaultsApplied").has("internetService")).isTrue();
        assertThat(churn.path("defaultsApplied").has("tenureMonths")).isFalse();
    }

    private static List<String> modelNames(JsonNode decision) {
        List<String> names = new ArrayList<>();
        decision.path("models").forEach(model -> names.add(model.path("name").asString()));
        return names;
    }

    private static JsonNode score(JsonNode trace, String name) {
        for (JsonNode score : trace.path("scores")) {
            if (score.path("name").asString().equals(name)) {
                return score;
            }
        }
        throw new AssertionError("no score named " + name + " in the trace");
    }
}
