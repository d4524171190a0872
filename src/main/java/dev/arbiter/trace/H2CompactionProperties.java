package dev.arbiter.trace;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the embedded H2 database file is kept compact while traces are written
 * ({@code arbiter.traces.h2-compaction.*}; see {@link H2Compaction}). Ignored on any other database.
 *
 * @param interval   how often a compaction pass runs (at least 1 ms); {@code 0} turns compaction off
 * @param fillRate   chunks whose live share is at or below this percentage (1–99) have their live pages re-written,
 *                   so that the space of the rest can be reused
 * @param writeLimit the most live data one pass re-writes
 */
@ConfigurationProperties("arbiter.traces.h2-compaction")
record H2CompactionProperties(@DefaultValue("100ms") Duration interval, @DefaultValue("50") int fillRate,
                              @DefaultValue("1MB") DataSize writeLimit) {

    H2CompactionProperties {
        if (interval.isNegative() || !interval.isZero() && interval.toMillis() == 0) {
            throw new IllegalArgumentException("arbiter.traces.h2-compaction.interval must be 0 or at least 1ms, not "
                    + interval);
        }
        if (fillRate < 1 || fillRate > 99) {
            throw new IllegalArgumentException("arbiter.traces.h2-compaction.fill-rate must be 1 to 99, not " + fillRate);
        }
        if (writeLimit.toBytes() < 1 || writeLimit.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arbiter.traces.h2-compaction.write-limit must be 1B to 2GB, not " + writeLimit);
        }
    }

    boolean enabled() {
        return !interval.isZero();
    }
}
