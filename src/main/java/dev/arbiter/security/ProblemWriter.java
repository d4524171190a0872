package dev.arbiter.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.arbiter.web.DatabaseOutage;
import dev.arbiter.web.Problems;

/**
 * Writes the security problems (401, 403, 429, 503) straight to the servlet response, since they are raised in
 * filters before any controller runs. The bodies never echo the key that was sent, nor the secret of a key pasted
 * into the path. The type is {@code application/problem+json} without a charset parameter, as on every other
 * problem of the service. Thread-safe.
 */
@Component
class ProblemWriter {

    private final Problems problems;

    ProblemWriter(Problems problems) {
        this.problems = problems;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", detail);
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "The API key's roles do not allow " + request.getMethod() + " " + path(request));
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "This client's request quota is used up; retry after " + retryAfterSeconds + " s");
    }

    void overloaded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service overloaded",
                "Too many requests are in progress; retry shortly");
    }

    void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TYPE, DatabaseOutage.TITLE,
                "The service cannot reach its database, so it cannot check the API key; retry later");
    }

    /** @return the request's path with the secret of any API key in it removed (a key pasted into a URL) */
    private static String path(HttpServletRequest request) {
        return ApiKeySecrets.withoutSecrets(request.getRequestURI());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String title, String detail) throws IOException {
        ProblemDetail problem = problems.of(status, type, title, detail);
        problem.setInstance(URI.create(path(request)));
        response.setStatus(status.value());
        // Bytes, not a writer: a writer would add ";charset=..." to the type, which the problems the API answers
        // do not carry (JSON is UTF-8 by definition).
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(problems.json(problem).getBytes(StandardCharsets.UTF_8));
    }
}
