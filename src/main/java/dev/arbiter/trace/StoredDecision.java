package dev.arbiter.trace;

/**
 * A stored decision's answer and trace (JSON) with the hash of the request that produced it and the client that
 * asked for it (null in records stored before clients were recorded).
 */
public record StoredDecision(String decisionId, String requestId, String clientName, String requestHash, String responseJson, String traceJson) {
}
