package dev.arbiter.trace;

import java.time.Instant;

/**
 * What a trace search looks for. Every criterion is optional (null); those given must all hold.
 *
 * @param reasonCode    a reason code the decision gave, at any position
 * @param from          earliest decision time, inclusive
 * @param to            latest decision time, exclusive
 * @param clientName    the API client that asked for the decision
 */
public record TraceFilter(String customerId, String reasonCode, String outcome, String channel, Instant from,
                          Instant to, String policyVersion, String clientName) {

    /** Matches every stored decision. */
    public static final TraceFilter ALL = new TraceFilter(null, null, null, null, null, null, null, null);

    /** A filter on everything but the client. */
    public TraceFilter(String customerId, String reasonCode, String outcome, String channel, Instant from, Instant to,
                       String policyVersion) {
        this(customerId, reasonCode, outcome, channel, from, to, policyVersion, null);
    }
}
