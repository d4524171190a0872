package dev.arbiter.web;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * A mistake in a scenario file on disk does not keep the service from starting on its active policy: it starts
 * without the warm-up, says why in its health, and decides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "arbiter.policy.scenario-dir=src/test/resources/unreadable-scenarios")
class UnreadableScenariosStartTest extends HttpServiceTest {

    @Test
    void theServiceStartsReadyWithoutWarmUpAndDecides() {
        HttpResponse<String> readiness = api.get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode warmUp = json(readiness).path("components").path("warmUp").path("details");
        assertThat(warmUp.path("warmUp").asString()).startsWith("skipped: the scenarios cannot be read").contains("typo.yaml");
        assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("AUTOMATE");
    }
}
