package dev.arbiter.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Builds the service's RFC 9457 problem documents. Thread-safe. */
@Component
public class Problems {

    /** A field that was wrong and what was wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** @return a problem of {@code status} with the given type slug, title and detail */
    public ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://arbiter.dev/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    /** @return a 400 problem listing each offending field */
    public ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    ProblemDetail tooLarge(long limit, String path) {
        ProblemDetail problem = of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "The request body is larger than the limit of " + limit + " bytes");
        problem.setInstance(URI.create(path));
        problem.setProperty("limitBytes", limit);
        return problem;
    }

    /** @return the problem as the JSON body of an {@code application/problem+json} response */
    public String json(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return json.writeValueAsString(body);
    }
}
