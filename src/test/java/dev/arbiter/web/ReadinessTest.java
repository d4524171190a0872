package dev.arbiter.web;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/** The readiness probe is UP once the policy is loaded and the decision path is warmed up, and says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessTest extends HttpServiceTest {

    @Test
    void readinessIsUpWithThePolicyVersionAndWarmUp() {
        HttpResponse<String> response = api.get("/actuator/health/readiness");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode policy = health.path("components").path("policy");
        assertThat(policy.path("status").asString()).isEqualTo("UP");
        assertThat(policy.path("details").path("version").asString())
                .as("the version decisions are taken with")
                .isEqualTo(api.decided(automatableChatRequest()).path("policyVersion").asString());
        JsonNode warmUp = health.path("components").path("warmUp");
        assertThat(warmUp.path("status").asString()).isEqualTo("UP");
        assertThat(warmUp.path("details").isObject()).isTrue();
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = api.get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("UP");
    }
}
