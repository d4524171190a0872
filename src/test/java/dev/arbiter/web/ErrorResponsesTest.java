package dev.arbiter.web;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Every error answer is an {@code application/problem+json} with a {@code type} of the service, over real HTTP:
 * also the ones Tomcat, the security firewall and Spring MVC give before any controller of the service runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorResponsesTest extends HttpServiceTest {

    private static final String TYPES = "https://arbiter.dev/problems/";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/decisions/%00", "/api/v1/decisions/a%2Fb/trace", "/api/v1/decisions/a%5Cb",
            "/api/v1/decisions/%2e%2e", "/api/v1/decisions/a;b/trace", "/api/v1/decisions//trace"})
    void aPathRefusedBeforeTheServiceSeesItIsA400Problem(String path) {
        JsonNode problem = typedProblem(api.get(path), 400);

        assertThat(problem.path("type").asString()).isEqualTo(TYPES + "malformed-request");
        assertThat(problem.path("detail").asString()).contains("URL path");
        assertThat(problem.has("timestamp")).as("not Spring Boot's default error document").isFalse();
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIsA405Problem() {
        HttpResponse<String> response = api.send(api.request(Api.DECISIONS).DELETE());

        assertThat(typedProblem(response, 405).path("type").asString()).isEqualTo(TYPES + "method-not-allowed");
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIsA406Problem() {
        HttpResponse<String> response = api.send(api.request(Api.AUTOMATION).header("Accept", "application/xml").GET());

        assertThat(typedProblem(response, 406).path("type").asString()).isEqualTo(TYPES + "not-acceptable");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415Problem() {
        HttpResponse<String> response = api.send(api.request(Api.DECISIONS).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(designExampleRequest()))));

        assertThat(typedProblem(response, 415).path("type").asString()).isEqualTo(TYPES + "unsupported-media-type");
    }

    @Test
    void aBodyWithoutContentTypeIsA415ProblemThatSaysWhatToSend() {
        HttpResponse<String> response = api.send(api.request(Api.DECISIONS)
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(designExampleRequest()))));

        JsonNode problem = typedProblem(response, 415);

        assertThat(problem.path("detail").asString()).contains("Content-Type header is missing")
                .contains("application/json").doesNotContain("null");
    }

    @Test
    void aPathNoEndpointHasIsA404Problem() {
        JsonNode problem = typedProblem(api.get("/api/v1/no-such-thing"), 404);

        assertThat(problem.path("type").asString()).isEqualTo(TYPES + "not-found");
    }

    @Test
    void theErrorPathItselfAnswersAProblem() {
        JsonNode problem = typedProblem(api.get("/error"), 500);

        assertThat(problem.has("trace")).isFalse();
    }

    private static JsonNode typedProblem(HttpResponse<String> response, int status) {
        JsonNode problem = assertProblem(response, status);
        assertThat(problem.path("type").asString()).as("type; body: %s", response.body()).startsWith(TYPES);
        return problem;
    }
}
