package dev.arbiter.decision;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.security.Caller;
import dev.arbiter.security.Role;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The decision API: {@code POST /api/v1/decisions} decides, {@code GET /api/v1/decisions/{id}} returns a stored
 * decision and {@code GET /api/v1/decisions/{id}/trace} its full reason trace. A decision client reads only the
 * decisions it asked for (another client's decision is "not found" to it); reviewers read all.
 */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final DecisionPipeline pipeline;

    DecisionController(DecisionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @ApiResponse(responseCode = "200", description = "the decision", headers = @Header(name = REPLAYED_HEADER,
            description = "true when this is the stored decision answered again for a repeated requestId (same client, "
                    + "same request); false for a new decision", schema = @Schema(type = "boolean")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DecisionResponse.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DecisionResponse> decide(@Valid @RequestBody DecisionRequest request,
                                            @AuthenticationPrincipal Caller caller) {
        DecisionPipeline.Decided decided = pipeline.decide(request, caller.name());
        return ResponseEntity.ok().header(REPLAYED_HEADER, Boolean.toString(decided.replayed())).body(decided.response());
    }

    @GetMapping("/{decisionId}")
    DecisionResponse decision(@PathVariable String decisionId, @AuthenticationPrincipal Caller caller) {
        return pipeline.find(decisionId, caller.hasAny(Role.COMPLIANCE_REVIEWER) ? null : caller.name());
    }

    @GetMapping("/{decisionId}/trace")
    DecisionTrace trace(@PathVariable String decisionId) {
        return pipeline.trace(decisionId);
    }
}
