package dev.arbiter.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.policy.PolicyLoadException;
import dev.arbiter.policy.PolicyProblem;
import dev.arbiter.web.InvalidFieldsException;
import dev.arbiter.web.Problems;
import dev.arbiter.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * The compliance reviewer's API on a stored decision: {@code POST /api/v1/decisions/{id}/replay} evaluates it again
 * (against its recorded policy version or {@code ?version=}) and reports the differences;
 * {@code GET /api/v1/decisions/{id}/explanation} explains it in plain language.
 */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewController {

    private static final String VERSION = "version";

    private final DecisionReplay replay;
    private final DecisionExplanations explanations;
    private final Problems problems;

    ReviewController(DecisionReplay replay, DecisionExplanations explanations, Problems problems) {
        this.replay = replay;
        this.explanations = explanations;
        this.problems = problems;
    }

    /**
     * @param parameters the query: {@code version}, a stored policy version; absent means the decision's own
     * @throws InvalidFieldsException for an unknown, repeated or empty parameter
     */
    @PostMapping("/{decisionId}/replay")
    @Parameter(name = VERSION, in = ParameterIn.QUERY,
            description = "a stored policy version to replay against; absent: the version that decided")
    ReplayReport replay(@PathVariable String decisionId,
                        @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        List<Problems.FieldError> errors = new ArrayList<>();
        String version = QueryParameters.single(parameters, Set.of(VERSION), "replay", errors).get(VERSION);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return replay.replay(decisionId, version);
    }

    @GetMapping("/{decisionId}/explanation")
    Explanation explanation(@PathVariable String decisionId) {
        return explanations.explain(decisionId);
    }

    @ExceptionHandler(UnknownPolicyVersionException.class)
    ResponseEntity<ProblemDetail> unknownVersion(UnknownPolicyVersionException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problems.of(HttpStatus.NOT_FOUND, "not-found", "Policy version not found", e.getMessage()));
    }

    @ExceptionHandler(PolicyLoadException.class)
    ResponseEntity<ProblemDetail> versionDoesNotCompile(PolicyLoadException e) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "policy-does-not-compile",
                "Policy version does not compile", "The stored files of this policy version no longer compile, so no "
                        + "decision can be evaluated against it");
        problem.setProperty("errors", e.problems().stream().filter(PolicyProblem::isError).toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }
}
