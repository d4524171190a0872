package dev.arbiter.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.web.Problems;

/**
 * Searches the audit log: {@code GET /api/v1/audit?actor=&action=&from=&to=&size=&before=}, newest first, paged by
 * keyset (pass a page's {@code next} as {@code before} for the older page). Read-only: the log has no endpoint that
 * changes it. A bad parameter is a 400 problem naming it.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    private static final int MAX_ACTOR = 128;
    private static final int MAX_ACTION = 32;

    private final AuditLog audit;
    private final Problems problems;

    AuditController(AuditLog audit, Problems problems) {
        this.audit = audit;
        this.problems = problems;
    }

    @GetMapping
    AuditPage search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String size, @RequestParam(required = false) String before) {
        List<Problems.FieldError> errors = new ArrayList<>();
        String actorValue = text("actor", actor, MAX_ACTOR, errors);
        String actionValue = text("action", action, MAX_ACTION, errors);
        Instant fromValue = instant("from", from, errors);
        Instant toValue = instant("to", to, errors);
        if (fromValue != null && toValue != null && !toValue.isAfter(fromValue)) {
            errors.add(new Problems.FieldError("to", "must be after from"));
        }
        Long sizeValue = number("size", size, 1, MAX_SIZE, errors);
        Long beforeValue = number("before", before, 1, Long.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return audit.search(new AuditQuery(actorValue, actionValue == null ? null : actionValue.toUpperCase(Locale.ROOT),
                fromValue, toValue, beforeValue, sizeValue == null ? DEFAULT_SIZE : sizeValue.intValue()));
    }

    /** Query parameters that are wrong, each with what is wrong with it. */
    static final class InvalidQueryException extends RuntimeException {

        private final transient List<Problems.FieldError> errors;

        InvalidQueryException(List<Problems.FieldError> errors) {
            super(errors.toString());
            this.errors = List.copyOf(errors);
        }
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e) {
        return ResponseEntity.badRequest().body(problems.invalid(e.errors));
    }

    /** @return the value, or null when absent or blank */
    private static String text(String name, String value, int maxLength, List<Problems.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new Problems.FieldError(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    private static Instant instant(String name, String value, List<Problems.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded '+' of an offset arrives as a space; an ISO date-time has no space otherwise.
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problems.FieldError(name,
                    "must be an ISO-8601 date-time with offset, e.g. 2026-11-21T10:00:00Z or 2026-11-21T11:00:00+01:00 (send + as %2B)"));
            return null;
        }
    }

    private static Long number(String name, String value, long min, long max, List<Problems.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problems.FieldError(name, max == Long.MAX_VALUE ? "must be a positive integer"
                : "must be an integer from " + min + " to " + max));
        return null;
    }
}
