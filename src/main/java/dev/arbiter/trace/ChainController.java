package dev.arbiter.trace;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.security.Caller;
import dev.arbiter.web.Problems;

/**
 * Tamper evidence and retention over HTTP: {@code GET /api/v1/traces/verify} walks the chain and reports OK or the
 * first record that does not match; {@code POST /api/v1/traces/purge} removes traces older than the retention
 * period, or than {@code ?before=}.
 */
@RestController
@RequestMapping("/api/v1/traces")
class ChainController {


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
     * @param before an ISO-8601 instant with offset, not in the future; absent means the retention cutoff
     * @param caller who purges, for the audit log
     */
    @PostMapping("/purge")
    ResponseEntity<?> purge(@RequestParam(required = false) String before, @AuthenticationPrincipal Caller caller) {
        String actor = caller.name();
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
            try {
                cutoff = OffsetDateTime.parse(before).toInstant();
            } catch (DateTimeParseException e) {
                return invalid("before", "must be an ISO-8601 date-time with offset, e.g. 2026-11-21T10:00:00Z");
            }
            if (cutoff.isAfter(clock.instant())) {
                return invalid("before", "must not be in the future");
            }
        }
        return ResponseEntity.ok(retention.purge(cutoff, actor));
    }

    private ResponseEntity<ProblemDetail> invalid(String field, String message) {
        return ResponseEntity.badRequest().body(problems.invalid(List.of(new Problems.FieldError(field, message))));
    }

    @ExceptionHandler(ChainBrokenException.class)
    ResponseEntity<ProblemDetail> chainBroken(ChainBrokenException e) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "chain-broken", "Trace chain broken", e.getMessage());
        problem.setProperty("report", e.report());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
