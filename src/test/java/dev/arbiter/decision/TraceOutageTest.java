package dev.arbiter.decision;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * No trace, no decision: when the trace cannot be committed the caller gets 503 and nothing it could act on.
 * Breaks its own database, so it runs in a context of its own (the property only tells the context apart) that
 * is closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.test.context=trace-outage")
@DirtiesContext
class TraceOutageTest extends HttpServiceTest {

    @Test
    void decisionIsRefusedWith503WhenTheTraceTableIsGone() {
        int before = storedDecisions();
        jdbc.sql("ALTER TABLE decision_trace RENAME TO decision_trace_unavailable").update();
        HttpResponse<String> withoutRequestId;
        HttpResponse<String> withRequestId;
        try {
            withoutRequestId = api.decide(automatableChatRequest());
            withRequestId = api.decide(withRequestId(designExampleRequest(), uniqueRequestId("outage")));
        } finally {
            jdbc.sql("ALTER TABLE decision_trace_unavailable RENAME TO decision_trace").update();
        }

        assertRefusedWithoutDecision(withoutRequestId);
        assertRefusedWithoutDecision(withRequestId);
        assertThat(storedDecisions()).isEqualTo(before);
        assertThat(api.decided(automatableChatRequest()).path("outcome").asString())
                .as("decisions resume once the trace can be stored").isEqualTo("AUTOMATE");
    }

    @Test
    void traceWhoseReasonsCannotBeStoredIsRolledBackAndTheDecisionRefused() {
        int before = storedDecisions();
        jdbc.sql("ALTER TABLE decision_reason ADD CONSTRAINT test_refuse_reasons CHECK (position < 0) NOCHECK").update();
        HttpResponse<String> response;
        try {
            response = api.decide(automatableChatRequest());
        } finally {
            jdbc.sql("ALTER TABLE decision_reason DROP CONSTRAINT test_refuse_reasons").update();
        }

        assertRefusedWithoutDecision(response);
        assertThat(storedDecisions()).as("no trace row without its reasons").isEqualTo(before);
    }

    private static void assertRefusedWithoutDecision(HttpResponse<String> response) {
        JsonNode problem = assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(problem.has("decisionId")).isFalse();
        assertThat(problem.has("outcome")).isFalse();
        assertThat(response.body()).doesNotContain("AUTOMATE", "HUMAN_REVIEW", "ROUTE_TO_AGENT", "ESCALATE");
    }

    private int storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Integer.class).single();
    }
}
