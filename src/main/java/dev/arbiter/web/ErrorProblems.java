package dev.arbiter.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Answers the servlet container's error dispatches ({@code /error}) with an {@code application/problem+json} in the
 * service's form, instead of Spring Boot's {@code {"timestamp", ...}} document: requests the security firewall
 * refused (an encoded {@code .}, {@code ..}, {@code //} or {@code ;} in the path, ...), and any other
 * {@code sendError} that reached the container. Never shows the exception or the path it was given.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    /** Why the container or the firewall refuses a request before any controller sees it. */
    static final String MALFORMED = "The request was refused before it reached the service: its URL path (or a header) "
            + "holds something the service does not accept, such as an encoded '/', '\\', '%' or NUL, '..', '//' or ';'. "
            + "Send the ids exactly as the service gave them";

    /** What a request for a path no endpoint has is told, whoever answers it. */
    static final String NO_ENDPOINT = "No endpoint has this path; docs/api.md and /v3/api-docs list them";

    private final Problems problems;

    ErrorProblems(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<String> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
        // No instance: the path was refused, and "/error" is not the request's.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.json(problem(problems, status)));
    }

    /** @return the problem of a request refused with {@code status} before a controller could answer it */
    static ProblemDetail problem(Problems problems, int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", MALFORMED);
        }
        if (status == HttpStatus.NOT_FOUND.value()) {
            return problems.ofStatus(status, NO_ENDPOINT);
        }
        if (status >= 500) {
            return problems.ofStatus(status, "The service failed unexpectedly; the failure was logged.");
        }
        HttpStatus known = HttpStatus.resolve(status);
        return problems.ofStatus(status, "The request was refused: " + (known == null ? status : known.getReasonPhrase()));
    }
}
