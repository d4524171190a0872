package dev.arbiter.decision;

import java.util.ArrayList;
import java.util.List;

import dev.arbiter.privacy.Redaction;
import dev.arbiter.privacy.Redactor;

/**
 * What is stored of a decision: its answer and trace with the redaction policy applied to the customer's text —
 * {@code request.interaction.message}, {@code request.interaction.history[i]} and
 * {@code response.handoff.lastMessages[i]} (also in the stored answer) — and the trace's {@code redactions} saying
 * what was masked where. A field that copies the customer's text into the trace must be added here.
 *
 * @param response the answer as stored
 * @param trace    the trace as stored
 */
record StoredCopy(DecisionResponse response, DecisionTrace trace) {

    /** @return the stored copy of {@code evaluation}; the evaluation itself when nothing was masked */
    static StoredCopy of(Evaluation evaluation, Redactor redactor) {
        DecisionTrace trace = evaluation.trace();
        DecisionResponse response = evaluation.response();
        if (!redactor.active()) {
            return new StoredCopy(response, trace);
        }
        List<Redaction> applied = new ArrayList<>();
        DecisionRequest.Interaction said = trace.request().interaction();
        String message = redactor.mask("request.interaction.message", said.message(), applied);
        List<String> history = maskAll(redactor, "request.interaction.history", said.history(), applied);
        DecisionResponse.Handoff handoff = response.handoff();
        List<String> lastMessages = handoff == null ? null
                : maskAll(redactor, "response.handoff.lastMessages", handoff.lastMessages(), applied);
        if (applied.isEmpty()) {
            return new StoredCopy(response, trace);
        }
        DecisionResponse storedResponse = handoff == null ? response : response.withHandoff(handoff.withLastMessages(lastMessages));
        DecisionRequest storedRequest = trace.request().withInteraction(said.withText(message, history));
        return new StoredCopy(storedResponse, trace.withStoredCopies(storedRequest, storedResponse, List.copyOf(applied)));
    }

    private static List<String> maskAll(Redactor redactor, String field, List<String> texts, List<Redaction> applied) {
        if (texts == null) {
            return null;
        }
        List<String> masked = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            masked.add(redactor.mask(field + "[" + i + "]", texts.get(i), applied));
        }
        return masked;
    }
}
