package dev.arbiter.trace;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How decision traces are written ({@code arbiter.traces.*}).
 *
 * @param persist       whether traces are stored at all. {@code false} is for load benchmarks only: decisions are then
 *                      answered without a trace, so they cannot be read back ({@code GET /api/v1/decisions/{id}} is
 *                      404), a repeated request id is decided again instead of replayed, and there is no evidence for
 *                      compliance review; the service logs a warning at start
 * @param commitTimeout how long a request waits for its trace to be committed before it is refused with 503
 * @param batchWait     how long the trace writer holds a batch open for traces of decisions still being evaluated,
 *                      so that they share one commit (see {@link GroupCommitWriter}); {@code 0} commits what is queued
 *                      at once. Adds at most this much to a decision's time, and only while other decisions are under way
 */
@ConfigurationProperties("arbiter.traces")
record TraceProperties(@DefaultValue("true") boolean persist, @DefaultValue("10s") Duration commitTimeout,
                       @DefaultValue("1ms") Duration batchWait) {

    TraceProperties {
        if (commitTimeout.isNegative() || commitTimeout.isZero()) {
            throw new IllegalArgumentException("arbiter.traces.commit-timeout must be positive, not " + commitTimeout);
        }
        if (batchWait.isNegative() || batchWait.compareTo(commitTimeout) >= 0) {
            throw new IllegalArgumentException("arbiter.traces.batch-wait must be at least 0 and below the commit timeout, not "
                    + batchWait);
        }
    }
}
