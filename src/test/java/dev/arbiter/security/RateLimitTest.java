package dev.arbiter.security;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * The per-client quota: a client that has used its burst gets 429 with a Retry-After, and only that client. The
 * refill is one request per 100 s here, so no request of the test can be refilled in time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arbiter.security.rate-limit.requests-per-second=0.01",
        "arbiter.security.rate-limit.burst=3"})
class RateLimitTest extends HttpServiceTest {

    @Test
    void aClientOverItsQuotaGets429WithRetryAfter() {
        Api greedy = apiAs("greedy-client", Role.DECISION_CLIENT);
        for (int i = 0; i < 3; i++) {
            greedy.decided(designExampleRequest());
        }
        long storedBefore = storedDecisions();

        HttpResponse<String> refused = greedy.decide(designExampleRequest());

        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 100L));
        assertThat(storedDecisions()).as("a refused request stores no trace").isEqualTo(storedBefore);
    }

    @Test
    void anotherClientKeepsItsOwnQuota() {
        Api greedy = apiAs("noisy-neighbour", Role.DECISION_CLIENT);
        for (int i = 0; i < 4; i++) {
            greedy.decide(designExampleRequest());
        }

        assertThat(apiAs("quiet-neighbour", Role.DECISION_CLIENT).decide(designExampleRequest()).statusCode()).isEqualTo(200);
    }

    @Test
    void twoKeysOfOneClientShareTheClientsQuota() {
        Api first = apiAs("rotating-client", Role.DECISION_CLIENT);
        Api second = apiAs("rotating-client", Role.DECISION_CLIENT);
        first.decided(designExampleRequest());
        first.decided(designExampleRequest());
        second.decided(designExampleRequest());

        assertProblem(second.decide(designExampleRequest()), 429);
    }

    private long storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Long.class).single();
    }
}
