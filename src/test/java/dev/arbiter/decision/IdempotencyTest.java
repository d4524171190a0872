package dev.arbiter.decision;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withIntentConfidence;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.security.Role;
import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/** The request id is an idempotency key: one decision per key, whatever the timing of the repeats. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyTest extends HttpServiceTest {

    private static final String REPLAYED = "Idempotent-Replayed";

    ExecutorService callers;

    @BeforeEach
    void client() {
        api = apiAs("test-client", Role.ADMIN);
        callers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void repeatedRequestReturnsTheStoredDecisionMarkedReplayed() {
        String requestId = uniqueRequestId("repeat");
        ObjectNode request = withRequestId(automatableChatRequest(), requestId);

        HttpResponse<String> first = api.decide(request);
        HttpResponse<String> second = api.decide(request);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(first.headers().firstValue(REPLAYED)).hasValue("false");
        assertThat(second.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(json(second).path("decisionId").asString()).isEqualTo(json(first).path("decisionId").asString());
        assertThat(json(second)).as("the replay is the stored answer").isEqualTo(json(first));
        assertThat(storedDecisionsFor(requestId)).isEqualTo(1);
    }

    @Test
    void requestIdReusedForADifferentRequestIsA409Problem() {
        String requestId = uniqueRequestId("conflict");
        JsonNode first = api.decided(withRequestId(automatableChatRequest(), requestId));

        HttpResponse<String> reused = api.decide(withIntentConfidence(withRequestId(automatableChatRequest(), requestId), 0.5));

        JsonNode problem = assertProblem(reused, 409);
        assertThat(problem.path("detail").asString()).contains(requestId);
        assertThat(problem.has("decisionId")).isFalse();
        assertThat(storedDecisionsFor(requestId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT decision_id FROM decision_trace WHERE request_id = ?").param(requestId)
                .query(String.class).single()).isEqualTo(first.path("decisionId").asString());
    }

    @Test
    void theConflictNamesRequestIdAsTheFieldInError() {
        String requestId = uniqueRequestId("conflict-field");
        api.decided(withRequestId(automatableChatRequest(), requestId));

        JsonNode problem = assertProblem(api.decide(withIntentConfidence(withRequestId(automatableChatRequest(), requestId), 0.5)), 409);

        assertThat(problem.path("type").asString()).endsWith("/idempotency-conflict");
        assertThat(errorFields(problem)).containsExactly("requestId");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("different request");
    }

    @Test
    void concurrentRequestsWithTheSameRequestIdGetOneDecision() throws Exception {
        for (int round = 0; round < 5; round++) {
            String requestId = uniqueRequestId("race");
            ObjectNode request = withRequestId(automatableChatRequest(), requestId);
            CountDownLatch startGate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> racing = new ArrayList<>();
            for (int caller = 0; caller < 2; caller++) {
                racing.add(callers.submit(() -> {
                    startGate.await();
                    return api.decide(request);
                }));
            }

            startGate.countDown();

            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : racing) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
            assertThat(responses).extracting(response -> json(response).path("decisionId").asString())
                    .as("round %d", round).containsOnly(json(responses.get(0)).path("decisionId").asString());
            assertThat(responses).extracting(response -> response.headers().firstValue(REPLAYED).orElseThrow())
                    .as("exactly one of the two made the decision").containsExactlyInAnyOrder("false", "true");
            assertThat(storedDecisionsFor(requestId)).isEqualTo(1);
        }
    }

    private int storedDecisionsFor(String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace WHERE request_id = ?").param(requestId)
                .query(Integer.class).single();
    }
}
