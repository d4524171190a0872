package dev.arbiter.security;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * The browser-facing hardening: the UI and API answers carry the security headers, and no answer ever opens a
 * session or sets a cookie (which is why there is no CSRF token to check).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest extends HttpServiceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/swagger-ui/index.html", "/v3/api-docs", "/api/v1/automation", "/actuator/health", "/admin/"})
    void uiAndApiAnswersCarryTheSecurityHeaders(String path) {
        HttpResponse<String> response = api.get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(response, "Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(response, "Cache-Control")).contains("no-store");
    }

    @Test
    void noAnswerSetsACookie() {
        assertThat(api.decide(designExampleRequest()).headers().allValues("Set-Cookie")).isEmpty();
        assertThat(anonymous().get("/api/v1/traces").headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.get("/swagger-ui/index.html").headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theOpenApiDocumentDeclaresTheApiKey() {
        JsonNode document = Api.json(anonymous().get("/v3/api-docs"));

        assertThat(document.path("components").path("securitySchemes").path("apiKey").path("name").asString())
                .isEqualTo("X-API-Key");
    }

    @Test
    void healthDetailsAreForOperatorsOnly() {
        JsonNode anonymousView = Api.json(anonymous().get("/actuator/health"));
        JsonNode operatorView = Api.json(apiAs("health-operator", Role.OPERATOR).get("/actuator/health"));

        assertThat(anonymousView.path("status").asString()).isEqualTo("UP");
        assertThat(anonymousView.has("components")).isFalse();
        assertThat(operatorView.path("components").has("policy")).isTrue();
        assertThat(operatorView.path("components").path("models").path("details").path("intent").path("state").asString())
                .isEqualTo("loaded");
    }

    @Test
    void ofTheActuatorOnlyHealthIsExposed() {
        assertProblem(anonymous().get("/actuator/info"), 401);
        assertProblem(api.get("/actuator/info"), 404);
        assertProblem(anonymous().get("/actuator"), 401);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
