package dev.arbiter.trace;

import java.time.Instant;
import java.util.List;

/**
 * One stored decision as search and export show it: its searchable columns and its reason codes in order.
 *
 * @param requestId  the caller's idempotency key, null when the request had none
 * @param decidedAt  when it was decided, as stored (microsecond precision)
 */
public record TraceSummary(String decisionId, String requestId, String clientName, String customerId, String channel,
                           String lineOfBusiness, String outcome, List<String> reasonCodes, String policyVersion,
                           Instant decidedAt) {

    /** The column names, in order, of the CSV export; the same as the JSON field names. */
    public static final List<String> COLUMNS = List.of("decisionId", "requestId", "clientName", "customerId", "channel",
            "lineOfBusiness", "outcome", "reasonCodes", "policyVersion", "decidedAt");

    public TraceSummary {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
