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

    private static final String TYPE_BASE = "https://arbiter.dev/problems/";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** @return a problem of {@code status} with the given type slug, title and detail */
    public ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * @return a problem of a status that has no more specific type here (405, 406, 415, a 404 without a handler, a
     *         request refused before it reached a controller): typed by {@link #slug(int)}, titled by the reason phrase
     */
    public ProblemDetail ofStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = of(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, slug(status),
                known == null ? "Error" : known.getReasonPhrase(), detail);
        problem.setStatus(status);
        return problem;
    }

    /** @return the type of the service's problems of this status when nothing more specific is known */
    public URI typeOf(int status) {
        return URI.create(TYPE_BASE + slug(status));
    }

    /** @return the type slug for a status: the same slugs as the service's own problems of that status */
    static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
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
