package dev.arbiter.trace;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.security.Caller;
import dev.arbiter.web.InvalidFieldsException;
import dev.arbiter.web.Problems;
import dev.arbiter.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Tamper evidence and retention over HTTP: {@code GET /api/v1/traces/verify} walks the chain and reports OK or the
 * first record that does not match; {@code POST /api/v1/traces/purge} removes traces older than the retention
 * period, or than {@code ?before=}.
 */
@RestController
@RequestMapping("/api/v1/traces")
class ChainController {

    private static final String BEFORE = "before";

    private final ChainVerifier verifier;
    private final TraceRetention retention;
    private final Problems problems;
    private final Clock clock;

    ChainController(ChainVerifier verifier, TraceRetention retention, Problems problems, Clock clock) {
        this.verifier = verifier;
        this.retention = retention;
        this.problems = problems;
        this.clock = clock;
    }

    /** A broken chain is a finding, not an error: 200 with {@code status: BROKEN}. */
    @GetMapping("/verify")
    ChainReport verify() {
        return verifier.verify();
    }

    /**
     * Purges now. The only parameter is {@code before}: who purges is the API key's client name, never a parameter.
     *
     * @param parameters the query: {@code before}, an ISO-8601 instant with offset, not in the future; absent means
     *                   the retention cutoff
     * @param caller     who purges, for the audit log
     * @throws InvalidFieldsException for a bad, unknown, repeated or empty parameter
     */
    @PostMapping("/purge")
    @ApiResponse(responseCode = "200", description = "what was purged (nothing, when no trace was due)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PurgeResult.class)))
    @Parameter(name = BEFORE, in = ParameterIn.QUERY, description = "ISO-8601 instant with offset, not in the future; "
            + "absent: the retention cutoff", schema = @Schema(type = "string", format = "date-time"))
    ResponseEntity<?> purge(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                            @AuthenticationPrincipal Caller caller) {
        List<Problems.FieldError> errors = new ArrayList<>();
        String before = QueryParameters.single(parameters, Set.of(BEFORE), ChainController::notAPurgeParameter, errors)
                .get(BEFORE);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        Instant cutoff;
        if (before == null) {
            var retentionCutoff = retention.cutoff();
            if (retentionCutoff.isEmpty()) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.of(HttpStatus.CONFLICT,
                        "retention-disabled", "Retention is off",
                        "arbiter.retention.days is 0 (keep forever): give ?before= to purge explicitly"));
            }
            cutoff = retentionCutoff.get();
        } else {
            cutoff = cutoff(before);
        }
        return ResponseEntity.ok(retention.purge(cutoff, caller.name()));
    }

    private Instant cutoff(String before) {
        Instant cutoff;
        try {
            cutoff = OffsetDateTime.parse(before).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("must be an ISO-8601 date-time with offset, e.g. 2026-11-21T10:00:00Z (send + as %2B)");
        }
        if (cutoff.isAfter(clock.instant())) {
            throw invalid("must not be in the future");
        }
        return cutoff;
    }

    private static InvalidFieldsException invalid(String message) {
        return new InvalidFieldsException(List.of(new Problems.FieldError(BEFORE, message)));
    }

    private static String notAPurgeParameter(String name) {
        return "by".equals(name) ? "is not a purge parameter: who purges is the client name of the API key"
                : "is not a purge parameter; the only one is before";
    }

    @ExceptionHandler(ChainBrokenException.class)
    ResponseEntity<ProblemDetail> chainBroken(ChainBrokenException e) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "chain-broken", "Trace chain broken", e.getMessage());
        problem.setProperty("report", e.report());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
