package dev.arbiter.lifecycle;

import java.util.List;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.policy.ValidationReport;
import dev.arbiter.security.Caller;
import dev.arbiter.web.Problems;

/**
 * The policy management API (DESIGN.md): active version, history and diffs, validate, test, activate, roll back.
 * A rejected activation or rollback is {@code 422} with the full report; the old version keeps deciding.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

    private final PolicyLifecycle lifecycle;
    private final Problems problems;

    PolicyController(PolicyLifecycle lifecycle, Problems problems) {
        this.lifecycle = lifecycle;
        this.problems = problems;
    }

    /** {@code limit} of {@code /versions}: how many versions, newest first. */
    static final String LIMIT = "limit";
    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 50;

    @GetMapping("/active")
    ActivePolicyView active() {
        return lifecycle.active();
    }

    @Operation(summary = "Stored policy versions, newest first",
            description = "A bad, repeated or unknown parameter is a 400 problem naming it.")
    @Parameter(name = LIMIT, in = ParameterIn.QUERY, description = "how many versions, 1 to 500 (default 50)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
    @GetMapping("/versions")
    List<VersionSummary> versions(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = new QueryParameters(parameters, Set.of(LIMIT));
        int limit = query.whole(LIMIT, 1, MAX_LIMIT, DEFAULT_LIMIT);
        query.done();
        return lifecycle.versions(limit);
    }

    @GetMapping("/versions/{from}/diff/{to}")
    VersionDiff diff(@PathVariable String from, @PathVariable String to) {
        return lifecycle.diff(from, to);
    }

    @PostMapping("/validate")
    ValidationReport validate(@Valid @RequestBody(required = false) PolicyRequests.Validate body) {
        return lifecycle.validate(body == null ? null : body.files());
    }

    @PostMapping("/test")
    GateResult test(@Valid @RequestBody(required = false) PolicyRequests.Test body) {
        return body == null ? lifecycle.test(null, null, null) : lifecycle.test(body.files(), body.scenarios(), body.caseName());
    }

    @PostMapping("/activate")
    ResponseEntity<?> activate(@Valid @RequestBody(required = false) PolicyRequests.Activate body,
                               @AuthenticationPrincipal Caller caller) {
        PolicyRequests.Activate request = body == null ? new PolicyRequests.Activate(null, null, null, null) : body;
        return answer(lifecycle.activate(request.label(), request.comment(), caller.name(), request.files(), request.scenarios()));
    }

    @PostMapping("/rollback")
    ResponseEntity<?> rollback(@Valid @RequestBody PolicyRequests.Rollback body, @AuthenticationPrincipal Caller caller) {
        return answer(lifecycle.rollback(body.version(), body.comment(), caller.name()));
    }

    private ResponseEntity<?> answer(ActivationResult result) {
        if (result.activated()) {
            return ResponseEntity.ok(result);
        }
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "policy-rejected", "Policy rejected",
                rejection(result.gate()));
        problem.setProperty("version", result.version());
        problem.setProperty("gate", result.gate());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    private static String rejection(GateResult gate) {
        if (!gate.validation().valid()) {
            return "The policy has " + gate.validation().errors().size() + " error(s); the active version keeps deciding";
        }
        if (gate.scenarios() == null) {
            return "The scenarios could not run (" + gate.problem() + "); the active version keeps deciding";
        }
        return gate.scenarios().failed() + " of " + gate.scenarios().total()
                + " scenario(s) failed; the active version keeps deciding";
    }

    @ExceptionHandler(UnknownVersionException.class)
    ResponseEntity<ProblemDetail> unknownVersion(UnknownVersionException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problems.of(HttpStatus.NOT_FOUND, "not-found", "Policy version not found", e.getMessage()));
    }

    @ExceptionHandler(InvalidCandidateException.class)
    ResponseEntity<ProblemDetail> invalidCandidate(InvalidCandidateException e) {
        return ResponseEntity.badRequest().body(problems.invalid(List.of(new Problems.FieldError(e.field(), e.getMessage()))));
    }
}
