package dev.arbiter.security;

import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.with;
import static dev.arbiter.support.DecisionRequests.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * A decision client learns the decision and the top intent with its confidence, never the model's scores for the
 * other intents (which would let it copy the model by querying it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeastExposureTest extends HttpServiceTest {

    /** Sentiment is a lexicon score of the customer's own words, not a model probability. */
    private static final List<String> SENTIMENT_FIELDS = List.of("sentiment", "sentimentTrend");

    @Test
    void aModelScoredAnswerCarriesOnlyTheTopIntentAndItsConfidence() {
        JsonNode answer = apiAs("curious-client", Role.DECISION_CLIENT).decided(modelScoredRequest());

        JsonNode intent = answer.path("intent");
        assertThat(intent.path("source").asString()).isEqualTo("MODEL");
        assertThat(fieldNames(intent)).containsExactlyInAnyOrder("label", "confidence", "source");
        assertThat(numbersBetweenZeroAndOneBesides(answer, intent.path("confidence").asDouble()))
                .as("no other probability anywhere in the answer").isEmpty();
    }

    private static JsonNode modelScoredRequest() {
        return with(without(automatableChatRequest(), "interaction.intent"), "interaction.message",
                "I was charged twice for my order and want my money back");
    }

    /** @return the paths of fractional numbers in (0, 1) other than {@code allowed} and sentiment: what a score vector would be */
    private static List<String> numbersBetweenZeroAndOneBesides(JsonNode node, double allowed) {
        List<String> found = new ArrayList<>();
        collect(node, "$", allowed, found);
        return found;
    }

    private static void collect(JsonNode node, String path, double allowed, List<String> found) {
        if (node.isNumber() && node.isFloatingPointNumber()) {
            double value = node.asDouble();
            if (value > 0 && value < 1 && value != allowed) {
                found.add(path + "=" + value);
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", allowed, found);
            }
        }
        if (node.isObject()) {
            for (String name : fieldNames(node)) {
                if (!SENTIMENT_FIELDS.contains(name)) {
                    collect(node.get(name), path + "." + name, allowed, found);
                }
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
