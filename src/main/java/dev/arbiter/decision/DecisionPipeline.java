package dev.arbiter.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.privacy.Redactor;
import dev.arbiter.scoring.LoadedModels;
import dev.arbiter.trace.DuplicateRequestException;
import dev.arbiter.trace.StoredDecision;
import dev.arbiter.trace.TraceRecord;
import dev.arbiter.trace.TraceStore;
import dev.arbiter.web.InvalidFieldsException;
import dev.arbiter.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path of one decision: idempotency check, evaluation against one snapshot of the active policy,
 * trace redacted and committed, answer. Thread-safe.
 */
@Service
public class DecisionPipeline {

    /** A decision and whether it is a stored one returned again for a repeated request id. */
    public record Decided(DecisionResponse response, boolean replayed) {
    }

    private final DecisionEngine engine;
    private final ActivePolicy policy;
    private final AutomationPauses pauses;
    private final TraceStore traces;
    private final LoadedModels models;
    private final JsonMapper json;
    private final Clock clock;
    private final Redactor redactor;

    DecisionPipeline(DecisionEngine engine, ActivePolicy policy, AutomationPauses pauses, TraceStore traces,
                     LoadedModels models, JsonMapper json, Clock clock, Redactor redactor) {
        this.redactor = redactor;
        this.models = models;
        this.engine = engine;
        this.policy = policy;
        this.pauses = pauses;
        this.traces = traces;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Decides on a validated request and stores its trace before returning.
     *
     * @param clientName the client that asks (recorded with the trace); request ids are unique per client
     * @throws InvalidFieldsException when a profile category field has a value the loaded churn model does not know
     * @throws IdempotencyConflictException when the request id was used for a different request
     * @throws dev.arbiter.trace.TraceUnavailableException when the trace cannot be stored (no decision is returned)
     */
    public Decided decide(DecisionRequest request, String clientName) {
        refuseUnknownCategories(request);
        // Hashed as received, before redaction: a repeated request must match its stored decision.
        String requestHash = hash(json.writeValueAsString(request));
        if (request.requestId() != null) {
            Optional<StoredDecision> stored = traces.findByRequestId(clientName, request.requestId());
            if (stored.isPresent()) {
                return replay(stored.get(), requestHash);
            }
        }
        try (TraceStore.Upcoming trace = traces.expect()) {
            Instant now = clock.instant();
            String decisionId = DecisionIds.next(now);
            Evaluation evaluation = engine.evaluate(decisionId, request, policy.current(),
                    pauses.pauseScopeFor(request.interaction().channel()), now, models.current());
            trace.save(record(evaluation, clientName, requestHash));
            return new Decided(evaluation.response(), false);
        } catch (DuplicateRequestException raced) {
            return replay(traces.findByRequestId(clientName, request.requestId()).orElseThrow(() -> raced), requestHash);
        }
    }

    /**
     * Runs a validated request through everything {@link #decide} does — request hash, evaluation against the active
     * policy, redaction, the answer and trace as JSON — except looking up and storing traces: nothing is written.
     * For warming the decision path up before the service reports ready.
     *
     * @return the answer as JSON, as the API would send it
     */
    public String rehearse(DecisionRequest request, String clientName) {
        String requestHash = hash(json.writeValueAsString(request));
        Instant now = clock.instant();
        Evaluation evaluation = engine.evaluate(DecisionIds.next(now), request, policy.current(),
                pauses.pauseScopeFor(request.interaction().channel()), now, models.current());
        record(evaluation, clientName, requestHash); // the copy decide() would store: redaction, answer and trace as JSON
        return json.writeValueAsString(evaluation.response());
    }

    private void refuseUnknownCategories(DecisionRequest request) {
        List<ProfileCategories.UnknownValue> unknown = ProfileCategories.unknownValues(request, models.current().churn());
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown.stream()
                    .map(value -> new Problems.FieldError(value.field(), value.message())).toList());
        }
    }

    private Decided replay(StoredDecision stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new IdempotencyConflictException(stored.requestId());
        }
        return new Decided(json.readValue(stored.responseJson(), DecisionResponse.class), true);
    }

    /**
     * @return the record to store: the answer and trace with the redaction policy applied to the customer's text
     * (the caller's answer is not changed), and what was masked listed in the trace's {@code redactions}
     */
    private TraceRecord record(Evaluation evaluation, String clientName, String requestHash) {
        DecisionResponse response = evaluation.response();
        DecisionRequest request = evaluation.trace().request();
        StoredCopy stored = StoredCopy.of(evaluation, redactor);
        return new TraceRecord(response.decisionId(), request.requestId(), clientName, requestHash, request.customer().id(),
                request.interaction().channel().name(), request.lineOfBusiness(), response.outcome().name(),
                response.policyVersion(), response.decidedAt(),
                response.reasons().stream().map(DecisionResponse.ReasonView::code).toList(),
                json.writeValueAsString(stored.response()), json.writeValueAsString(stored.trace()));
    }

    /**
     * @param clientName the client whose decision it must be, or null for any client's
     * @throws DecisionNotFoundException when no decision has that id, or it is another client's
     */
    public DecisionResponse find(String decisionId, String clientName) {
        return traces.findById(decisionId)
                .filter(stored -> clientName == null || clientName.equals(stored.clientName()))
                .map(stored -> json.readValue(stored.responseJson(), DecisionResponse.class))
                .orElseThrow(() -> new DecisionNotFoundException(decisionId));
    }

    /** @throws DecisionNotFoundException when no decision has that id */
    public DecisionTrace trace(String decisionId) {
        return traces.findById(decisionId)
                .map(stored -> json.readValue(stored.traceJson(), DecisionTrace.class))
                .orElseThrow(() -> new DecisionNotFoundException(decisionId));
    }

    private static String hash(String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
