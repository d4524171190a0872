package dev.arbiter.trace;

import static dev.arbiter.support.Api.DECISIONS;
import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code arbiter.traces.persist=false}, the benchmark switch: decisions are answered, nothing is stored, so nothing
 * can be read back or replayed, and the service says so loudly at start. Runs in a context of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arbiter.test.context=no-traces", "arbiter.traces.persist=false"})
@DirtiesContext
class TracePersistenceSwitchTest extends HttpServiceTest {

    private static final String REPLAYED = "Idempotent-Replayed";

    @Autowired
    TraceStore store;

    @Test
    void decisionsAreAnsweredWithoutAnyTraceBeingStored(CapturedOutput output) {
        long before = storedDecisions();
        ObjectNode request = withRequestId(automatableChatRequest(), uniqueRequestId("unstored"));

        HttpResponse<String> first = api.decide(request);
        HttpResponse<String> repeated = api.decide(request);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
        assertThat(repeated.headers().firstValue(REPLAYED)).as("nothing stored to replay").hasValue("false");
        assertThat(json(repeated).path("decisionId").asString()).isNotEqualTo(json(first).path("decisionId").asString());
        assertProblem(api.get(DECISIONS + "/" + json(first).path("decisionId").asString()), 404);
        assertThat(storedDecisions()).isEqualTo(before);
        assertThat(store.commits()).isZero();
        assertThat(output.getAll()).contains("arbiter.traces.persist=false", "For load benchmarks only");
    }

    private long storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Long.class).single();
    }
}
