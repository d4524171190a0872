package dev.arbiter.decision;

/** A decision evaluated but not yet persisted: the answer and its full trace. */
public record Evaluation(DecisionResponse response, DecisionTrace trace) {
}
