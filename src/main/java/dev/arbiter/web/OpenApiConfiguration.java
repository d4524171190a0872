package dev.arbiter.web;

import java.util.Arrays;
import java.util.List;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Describes the API in the OpenAPI document served at {@code /v3/api-docs}: the API key, the problem documents every
 * {@code /api/} operation can answer with, and strings that must not be blank as {@code minLength: 1}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";
    static final String PROBLEM = "ProblemDetail";
    private static final String FIELD_ERROR = "FieldError";

    @Bean
    OpenAPI arbiterApi() {
        return new OpenAPI().info(new Info()
                .title("Arbiter decision API")
                .version("v1")
                .description("""
                        Per customer interaction: automate, human review, route to an agent or escalate; which queue, \
                        skill and priority; which proposed actions are suppressed; and why, as reason codes with \
                        plain-language messages that point at the policy line, the score and the threshold. \
                        Errors are application/problem+json (RFC 9457) naming the offending field.""")
                .license(new License().name("Proprietary")))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                        .description("An API key; its roles decide which endpoints it may call (docs/security.md)")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** Adds the problem schema, and to every {@code /api/} operation the problems it can answer with. */
    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(FIELD_ERROR, fieldErrorSchema()).addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> addProblems(path, method, operation));
                }
            });
        };
    }

    /** A string property limited in characters ({@link MaxCharacters}) says so with {@code maxLength}. */
    @Bean
    PropertyCustomizer maxCharactersAreMaxLength() {
        return (property, type) -> {
            if (type.getCtxAnnotations() != null) {
                Arrays.stream(type.getCtxAnnotations()).filter(MaxCharacters.class::isInstance).map(MaxCharacters.class::cast)
                        .findFirst().ifPresent(max -> property.setMaxLength(max.value()));
            }
            return property;
        };
    }

    /** A string property that must not be blank says so with {@code minLength: 1}, whatever its {@code @Size}. */
    @Bean
    NotBlankMinLength notBlankHasMinLengthOne() {
        return new NotBlankMinLength();
    }

    /**
     * Every operation: 400, 401, 403, 429 and 503 (overload, or the database); with a path variable also 404; with
     * a body also 413 and 415; where the endpoint can refuse for a conflict or a failed gate also 409 or 422.
     */
    static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        add(operation, "400", "A parameter or the body is invalid: the problem's errors name each field");
        add(operation, "401", "No valid API key in the X-API-Key header");
        add(operation, "403", "The API key's roles do not allow this operation");
        if (path.contains("{")) {
            add(operation, "404", "Nothing has the id in the path");
        }
        if (operation.getRequestBody() != null) {
            add(operation, "413", "The body is larger than the limit");
            add(operation, "415", "The body is not application/json (or the Content-Type header is missing)");
        }
        if (method == PathItem.HttpMethod.POST && (path.equals("/api/v1/decisions") || path.endsWith("/purge"))) {
            add(operation, "409", path.endsWith("/purge") ? "Retention is off, or the traces to purge do not verify"
                    : "The request id was used before with a different request");
        }
        if (path.endsWith("/activate") || path.endsWith("/rollback") || path.endsWith("/replay")) {
            add(operation, "422", "The policy version does not compile or does not pass its scenarios");
        }
        add(operation, "429", "This client's request quota is used up; retry after Retry-After seconds");
        add(operation, "503", path.startsWith("/api/v1/decisions") && method == PathItem.HttpMethod.POST
                ? "The decision could not be recorded, so none was made, or the service is overloaded; retry after Retry-After"
                : "The service is overloaded or its database is unavailable; retry after Retry-After");
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").description("the kind of problem, e.g. https://arbiter.dev/problems/invalid-request"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(FIELD_ERROR))
                        .description("400 only: each offending field or parameter"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field's path, or the parameter's name"))
                .addProperty("message", new StringSchema().description("what is wrong with it"))
                .required(List.of("field", "message"));
    }
}
