package dev.arbiter.trace;

import java.time.Instant;
import java.util.List;

/**
 * A decision as stored: searchable columns plus the full answer and trace as JSON.
 *
 * @param clientName  the API client that asked for the decision (the name its key is bound to); null only in records
 *                    stored before clients were recorded
 * @param requestHash SHA-256 of the canonical request, to tell a replay of a request from a different one
 * @param reasonCodes the decision's reason codes in order
 */
public record TraceRecord(String decisionId, String requestId, String clientName, String requestHash, String customerId, String channel,
                          String lineOfBusiness, String outcome, String policyVersion, Instant decidedAt,
                          List<String> reasonCodes, String responseJson, String traceJson) {
}
