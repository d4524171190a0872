package dev.arbiter.web;

import static dev.arbiter.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.decision.Channel;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.scoring.IntentScore;
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
    void traceSearchAndExportDeclareEveryParameterTheyAccept() {
        JsonNode paths = apiDocs().path("paths");

        for (String path : new String[] {"/api/v1/traces", "/api/v1/traces/export"}) {
            assertThat(parameterNames(paths.path(path).path("get"))).as(path).contains("clientName", "customerId", "format");
        }
        assertThat(parameterNames(paths.path("/api/v1/audit").path("get")))
                .containsExactlyInAnyOrder("actor", "action", "from", "to", "size", "before");
        assertThat(parameterNames(paths.path("/api/v1/traces/purge").path("post"))).containsExactly("before");
    }

    @Test
    void everyApiOperationListsItsClientAndAccessProblemsAsProblemJson() {
        JsonNode docs = apiDocs();
        List<String> checked = new ArrayList<>();

        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (path.getKey().startsWith("/api/")) {
                for (String status : new String[] {"400", "401", "403", "429", "503"}) {
                    assertThat(problemSchemaOf(operation.getValue(), status))
                            .as("%s %s %s", operation.getKey(), path.getKey(), status)
                            .isEqualTo("#/components/schemas/ProblemDetail");
                }
                assertThat(operation.getValue().path("responses").has("500")).isFalse();
                checked.add(operation.getKey() + " " + path.getKey());
            }
        }));

        assertThat(checked).contains("post /api/v1/decisions", "get /api/v1/traces", "delete /api/v1/keys/{keyId}");
        assertThat(docs.path("components").path("schemas").path("ProblemDetail").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void theDecisionEndpointListsEveryProblemItCanAnswerWith() {
        JsonNode paths = apiDocs().path("paths");
        JsonNode decide = paths.path("/api/v1/decisions").path("post");

        for (String status : new String[] {"409", "413", "415", "503"}) {
            assertThat(problemSchemaOf(decide, status)).as(status).isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(problemSchemaOf(paths.path("/api/v1/decisions/{decisionId}/trace").path("get"), "404")).isNotEmpty();
        assertThat(problemSchemaOf(paths.path("/api/v1/decisions/{decisionId}/replay").path("post"), "422")).isNotEmpty();
    }

    @Test
    void theTraceSearchAnswersAPageAsJsonOrCsv() {
        JsonNode content = apiDocs().path("paths").path("/api/v1/traces").path("get").path("responses").path("200")
                .path("content");

        assertThat(content.propertyNames()).containsExactlyInAnyOrder("application/json", "text/csv;header=present;charset=UTF-8");
        assertThat(content.path("application/json").path("schema").path("$ref").asString()).endsWith("/TracePage");
    }

    @Test
    void stringsThatMustNotBeBlankHaveMinLengthOne() {
        JsonNode schemas = apiDocs().path("components").path("schemas");

        assertThat(schemas.path("Customer").path("properties").path("id").path("minLength").asInt()).isEqualTo(1);
        assertThat(schemas.path("Interaction").path("properties").path("message").path("minLength").asInt()).isEqualTo(1);
        assertThat(schemas.path("DecisionRequest").path("properties").path("lineOfBusiness").path("minLength").asInt())
                .isEqualTo(1);
    }

    @Test
    void stringsLimitedInCharactersHaveThatMaxLength() {
        JsonNode schemas = apiDocs().path("components").path("schemas");

        assertThat(schemas.path("Interaction").path("properties").path("message").path("maxLength").asInt()).isEqualTo(4000);
        assertThat(schemas.path("Activate").path("properties").path("label").path("maxLength").asInt()).isEqualTo(200);
        assertThat(schemas.path("AutomationCommand").path("properties").path("reason").path("maxLength").asInt()).isEqualTo(500);
    }

    @Test
    void historyEntriesAreLimitedInCharactersLikeTheMessage() {
        JsonNode interaction = apiDocs().path("components").path("schemas").path("Interaction").path("properties");

        assertThat(interaction.path("history").path("items").path("maxLength").asInt()).isEqualTo(4000);
        assertThat(interaction.path("history").path("maxItems").asInt()).isEqualTo(50);
    }

    @Test
    void auditDetailsAreAJsonObjectAsAnswered() {
        JsonNode details = apiDocs().path("components").path("schemas").path("AuditEntry").path("properties").path("details");

        assertThat(details.path("type").asString()).isEqualTo("object");
    }

    @Test
    void thePurgeAnswersItsResultAsJson() {
        JsonNode docs = apiDocs();
        JsonNode ok = docs.path("paths").path("/api/v1/traces/purge").path("post").path("responses").path("200").path("content");

        assertThat(ok.propertyNames()).containsExactly("application/json");
        assertThat(ok.path("application/json").path("schema").path("$ref").asString()).endsWith("/PurgeResult");
        assertThat(docs.path("components").path("schemas").path("PurgeResult").path("properties").propertyNames())
                .contains("before", "purged", "purgedThroughSeq", "anchorHash", "unchainedPurged", "at", "by");
    }

    @Test
    void theExportDeclaresItsFiltersAsTheSearchDoes() {
        JsonNode paths = apiDocs().path("paths");
        JsonNode search = parameters(paths.path("/api/v1/traces").path("get"));
        JsonNode export = parameters(paths.path("/api/v1/traces/export").path("get"));

        assertThat(enumOf(export.path("outcome").path("schema"))).containsExactlyElementsOf(names(Outcome.values()));
        assertThat(enumOf(export.path("channel").path("schema"))).containsExactlyElementsOf(names(Channel.values()));
        assertThat(export.propertyNames()).containsExactlyInAnyOrder("customerId", "reasonCode", "outcome", "channel",
                "from", "to", "policyVersion", "clientName", "format");
        for (String name : export.propertyNames()) {
            assertThat(export.path(name)).as(name).isEqualTo(search.path(name));
            assertThat(export.path(name).path("schema").path("type").asString()).as(name).isEqualTo("string");
        }
    }

    @Test
    void answerFieldsWithAFixedSetOfValuesListThem() {
        JsonNode schemas = apiDocs().path("components").path("schemas");

        assertThat(enumOf(property(schemas, "ActionView", "status"))).containsExactly("ALLOWED", "SUPPRESSED");
        assertThat(enumOf(property(schemas, "IntentView", "source"))).containsExactlyElementsOf(names(IntentScore.Source.values()));
        assertThat(enumOf(property(schemas, "SentimentView", "source"))).containsExactly("CALLER", "LEXICON");
        assertThat(enumOf(property(schemas, "ReasonView", "outcome"))).containsExactlyElementsOf(names(Outcome.values()));
        assertThat(property(schemas, "Route", "modelTier").path("description").asString())
                .as("policy data, described rather than fixed").contains("dmn-models/model-tier.dmn");
    }

    @Test
    void theHeadersOfTheAnswersAreDescribed() {
        JsonNode paths = apiDocs().path("paths");
        JsonNode decided = paths.path("/api/v1/decisions").path("post").path("responses").path("200");
        JsonNode page = paths.path("/api/v1/traces").path("get").path("responses").path("200");

        assertThat(decided.path("headers").path("Idempotent-Replayed").path("schema").path("type").asString()).isEqualTo("boolean");
        assertThat(decided.path("content").path("application/json").path("schema").path("$ref").asString()).endsWith("/DecisionResponse");
        assertThat(page.path("headers").propertyNames()).containsExactlyInAnyOrder("Next-Cursor", "Link");
    }

    @Test
    void swaggerUiIsServedAsHtml() {
        HttpResponse<String> response = api.get("/swagger-ui.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.contentType(response)).startsWith("text/html");
        assertThat(response.body()).containsIgnoringCase("<html").containsIgnoringCase("swagger");
    }

    /** @return the operation's parameters by name */
    private static JsonNode parameters(JsonNode operation) {
        var byName = Api.JSON.createObjectNode();
        operation.path("parameters").forEach(parameter -> byName.set(parameter.path("name").asString(), parameter));
        return byName;
    }

    private static JsonNode property(JsonNode schemas, String schema, String property) {
        return schemas.path(schema).path("properties").path(property);
    }

    private static List<String> enumOf(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asString()));
        return names;
    }

    /** @return the $ref of the problem+json schema of the operation's answer of that status, or "" */
    private static String problemSchemaOf(JsonNode operation, String status) {
        return operation.path("responses").path(status).path("content").path("application/problem+json").path("schema")
                .path("$ref").asString("");
    }

    private JsonNode apiDocs() {
        HttpResponse<String> response = api.get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
