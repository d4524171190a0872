package dev.arbiter.trace;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.arbiter.audit.ServiceActors;

/** Runs the retention purge on {@code arbiter.retention.cron} (daily by default; {@code -} turns it off). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {

    static final String ACTOR = ServiceActors.RETENTION_SCHEDULE;

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final TraceRetention retention;

    RetentionSchedule(TraceRetention retention) {
        this.retention = retention;
    }

    /** Purges what the retention period lets go; a broken chain or an unavailable database is logged, not thrown. */
    @Scheduled(cron = "${arbiter.retention.cron:0 30 3 * * *}", zone = "UTC")
    void purgeExpiredTraces() {
        Optional<Instant> cutoff = retention.cutoff();
        if (cutoff.isEmpty()) {
            return;
        }
        try {
            PurgeResult result = retention.purge(cutoff.get(), ACTOR);
            log.info("Retention purge: {} traces decided before {} removed (chain through position {})", result.purged(),
                    result.before(), result.purgedThroughSeq());
        } catch (ChainBrokenException e) {
            log.error("Retention purge refused: {}", e.getMessage());
        } catch (TraceUnavailableException e) {
            log.error("Retention purge failed; it runs again at the next scheduled time", e);
        }
    }
}
