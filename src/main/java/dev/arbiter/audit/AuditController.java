package dev.arbiter.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.web.InvalidFieldsException;
import dev.arbiter.web.Problems;
import dev.arbiter.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Searches the audit log: {@code GET /api/v1/audit?actor=&action=&from=&to=&size=&before=}, newest first, paged by
 * keyset (pass a page's {@code next} as {@code before} for the older page). Read-only: the log has no endpoint that
 * changes it. A bad, unknown, repeated or empty parameter is a 400 problem naming it.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    private static final int MAX_ACTOR = 128;
    private static final int MAX_ACTION = 32;
    private static final String ACTOR = "actor";
    private static final String ACTION = "action";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String SIZE = "size";
    private static final String BEFORE = "before";
    private static final Set<String> PARAMETERS = new LinkedHashSet<>(List.of(ACTOR, ACTION, FROM, TO, SIZE, BEFORE));

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Parameter(name = ACTOR, in = ParameterIn.QUERY, description = "exactly this actor (the client name of the key)")
    @Parameter(name = ACTION, in = ParameterIn.QUERY, description = "exactly this action, case-insensitive, e.g. POLICY_ACTIVATE")
    @Parameter(name = FROM, in = ParameterIn.QUERY, description = "ISO-8601 instant with offset, inclusive",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(name = TO, in = ParameterIn.QUERY, description = "ISO-8601 instant with offset, exclusive",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(name = SIZE, in = ParameterIn.QUERY, description = "page size, 1 to 500 (default 50)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
    @Parameter(name = BEFORE, in = ParameterIn.QUERY, description = "next of the previous page: entries with a lower id",
            schema = @Schema(type = "integer", format = "int64", minimum = "1"))
    AuditPage search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Map<String, String> values = QueryParameters.single(parameters, PARAMETERS, "audit search", errors);
        String actorValue = text(ACTOR, values.get(ACTOR), MAX_ACTOR, errors);
        String actionValue = text(ACTION, values.get(ACTION), MAX_ACTION, errors);
        Instant fromValue = instant(FROM, values.get(FROM), errors);
        Instant toValue = instant(TO, values.get(TO), errors);
        if (fromValue != null && toValue != null && !toValue.isAfter(fromValue)) {
            errors.add(new Problems.FieldError(TO, "must be after from"));
        }
        Long sizeValue = number(SIZE, values.get(SIZE), 1, MAX_SIZE, errors);
        Long beforeValue = number(BEFORE, values.get(BEFORE), 1, Long.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problems.FieldError::field));
            throw new InvalidFieldsException(errors);
        }
        return audit.search(new AuditQuery(actorValue, actionValue == null ? null : actionValue.toUpperCase(Locale.ROOT),
                fromValue, toValue, beforeValue, sizeValue == null ? DEFAULT_SIZE : sizeValue.intValue()));
    }

    /** @return the value, or null when absent (or blank, which is reported) */
    private static String text(String name, String value, int maxLength, List<Problems.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            errors.add(new Problems.FieldError(name, "must not be blank; leave the parameter out instead"));
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new Problems.FieldError(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    private static Instant instant(String name, String value, List<Problems.FieldError> errors) {
        if (value == null) {
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
        if (value == null) {
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
