package dev.arbiter.web;

import static dev.arbiter.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/** The API is described by an OpenAPI document that names the contract's endpoints and fields, and a Swagger UI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest extends HttpServiceTest {

    @Test
    void documentDescribesTheDecisionAndAutomationEndpoints() {
        JsonNode paths = apiDocs().path("paths");

        assertThat(paths.path("/api/v1/decisions").has("post")).isTrue();
        assertThat(paths.path("/api/v1/decisions/{decisionId}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/decisions/{decisionId}/trace").has("get")).isTrue();
        assertThat(paths.path("/api/v1/automation").has("put")).isTrue();
    }

    @Test
    void documentDescribesThePolicyManagementEndpoints() {
        JsonNode paths = apiDocs().path("paths");

        assertThat(paths.path("/api/v1/policies/active").has("get")).isTrue();
        assertThat(paths.path("/api/v1/policies/versions").has("get")).isTrue();
        assertThat(paths.path("/api/v1/policies/versions/{from}/diff/{to}").has("get")).isTrue();
        for (String action : new String[] {"validate", "test", "activate", "rollback"}) {
            assertThat(paths.path("/api/v1/policies/" + action).has("post")).as(action).isTrue();
        }
    }

    @Test
    void decisionRequestSchemaHasTheContractFields() {
        JsonNode schema = apiDocs().path("components").path("schemas").path("DecisionRequest");

        assertThat(schema.path("properties").propertyNames())
                .contains("requestId", "lineOfBusiness", "at", "customer", "interaction", "proposedActions");
    }

    @Test
    void decisionResponseSchemaHasTheContractFields() {
        JsonNode schema = apiDocs().path("components").path("schemas").path("DecisionResponse");

        assertThat(schema.path("properties").propertyNames()).contains("decisionId", "outcome", "route", "intent",
                "churnRisk", "actions", "reasons", "handoff", "policyVersion", "models");
    }

    @Test
    void swaggerUiIsServedAsHtml() {
        HttpResponse<String> response = api.get("/swagger-ui.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.contentType(response)).startsWith("text/html");
        assertThat(response.body()).containsIgnoringCase("<html").containsIgnoringCase("swagger");
    }

    private JsonNode apiDocs() {
        HttpResponse<String> response = api.get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
