package dev.arbiter.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long decision traces are kept ({@code arbiter.retention.*}). When the scheduled purge runs is
 * {@code arbiter.retention.cron}, read by {@link RetentionSchedule}.
 *
 * @param days traces decided more than this many days ago are purged; 0 keeps them forever
 */
@ConfigurationProperties("arbiter.retention")
public record RetentionProperties(@DefaultValue("365") int days) {

    public RetentionProperties {
        if (days < 0) {
            throw new IllegalArgumentException("arbiter.retention.days must be 0 (keep forever) or more, not " + days);
        }
    }
}
