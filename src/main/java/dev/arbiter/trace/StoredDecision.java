package dev.arbiter.trace;

/** A stored decision's answer and trace (JSON) with the hash of the request that produced it. */
public record StoredDecision(String decisionId, String requestId, String requestHash, String responseJson, String traceJson) {
}
