package dev.arbiter.web;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.security.Role;
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
    /** The type of every problem answer, without a charset parameter: JSON is UTF-8 by definition. */
    private static final String PROBLEM_JSON = "application/problem+json";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/decisions/%00", "/api/v1/decisions/a%2Fb/trace", "/api/v1/decisions/a%5Cb",
            "/api/v1/decisions/%2e%2e", "/api/v1/decisions/a;b/trace", "/api/v1/decisions//trace",
            "/api/v1/decisions/a%25b"})
    void aPathRefusedBeforeTheServiceSeesItIsA400Problem(String path) {
        HttpResponse<String> response = api.get(path);
        JsonNode problem = typedProblem(response, 400);

        assertThat(problem.path("type").asString()).isEqualTo(TYPES + "malformed-request");
        assertThat(problem.path("detail").asString()).contains("URL path");
        assertThat(problem.has("timestamp")).as("not Spring Boot's default error document").isFalse();
        assertThat(problem.has("instance")).as("neither the refused path nor /error").isFalse();
        assertThat(Api.contentType(response)).isEqualTo(PROBLEM_JSON);
    }

    @Test
    void problemsOfTheSecurityLayerHaveTheTypeOfEveryOtherProblem() {
        HttpResponse<String> unauthenticated = anonymous().get(Api.AUTOMATION);
        Api reviewer = apiAs("charset-reviewer", Role.COMPLIANCE_REVIEWER);
        HttpResponse<String> forbidden = reviewer.send(reviewer.request("/api/v1/keys").GET());
        HttpResponse<String> fromTheApi = api.send(api.request(Api.DECISIONS).DELETE());

        assertProblem(unauthenticated, 401);
        assertProblem(forbidden, 403);
        assertProblem(fromTheApi, 405);
        assertThat(List.of(unauthenticated, forbidden, fromTheApi)).extracting(Api::contentType).containsOnly(PROBLEM_JSON);
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

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("readEndpointsAndOtherFormats")
    void theApiAnswersOnlyJsonAndAnyOtherFormatIsA406Problem(String path, String accept) {
        HttpResponse<String> response = api.send(api.request(path).header("Accept", accept).GET());

        assertThat(typedProblem(response, 406).path("type").asString()).isEqualTo(TYPES + "not-acceptable");
    }

    static Stream<Arguments> readEndpointsAndOtherFormats() {
        return Stream.of("/api/v1/audit?size=1", Api.AUTOMATION, "/api/v1/policies/active", "/api/v1/traces/verify")
                .flatMap(path -> Stream.of("application/yaml", "application/x-yaml", "application/cbor",
                        "application/x-jackson-smile").map(format -> Arguments.of(path, format)));
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

    /** Every endpoint that takes a JSON body, as method and path. */
    static Stream<Arguments> jsonBodyEndpoints() {
        return Stream.of(Arguments.of("POST", Api.DECISIONS), Arguments.of("POST", "/api/v1/keys"),
                Arguments.of("POST", "/api/v1/policies/validate"), Arguments.of("POST", "/api/v1/policies/test"),
                Arguments.of("POST", "/api/v1/policies/activate"), Arguments.of("POST", "/api/v1/policies/rollback"),
                Arguments.of("PUT", Api.AUTOMATION));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsonBodyEndpoints")
    void everyJsonEndpointTellsABodyWithoutContentTypeToSendJson(String method, String path) {
        HttpResponse<String> response = api.send(api.request(path).method(method, HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(typedProblem(response, 415).path("detail").asString())
                .isEqualTo("The Content-Type header is missing: send the body with Content-Type: application/json");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsonBodyEndpoints")
    void everyJsonEndpointTellsABodyOfAnotherTypeWhichTypeToSend(String method, String path) {
        HttpResponse<String> response = api.send(api.request(path).header("Content-Type", "text/plain;charset=UTF-8")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(typedProblem(response, 415).path("detail").asString()).isEqualTo(
                "Content-Type text/plain is not accepted here: send the body with Content-Type: application/json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/no-such-thing", "/api/v1/nope", "/nope"})
    void aPathNoEndpointHasIsA404ProblemThatSaysWhereTheEndpointsAreListed(String path) {
        JsonNode problem = typedProblem(api.get(path), 404);

        assertThat(problem.path("type").asString()).isEqualTo(TYPES + "not-found");
        assertThat(problem.path("detail").asString())
                .isEqualTo("No endpoint has this path; docs/api.md and /v3/api-docs list them");
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
