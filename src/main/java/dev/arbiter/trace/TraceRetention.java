package dev.arbiter.trace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.arbiter.audit.AuditLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * Removes traces older than the retention period, keeping the rest of the chain verifiable: a purge removes the
 * oldest records up to one chain position (never a gap), and in the same transaction records a
 * {@code trace_chain_anchor} with the content hash of the last record removed, which is the prev_hash of the first
 * record kept. The records removed are verified first: a purge never erases evidence of tampering. Every purge is
 * written to the audit log, its target the purged range ({@code decisions before <instant>}). Thread-safe; purges run
 * one at a time.
 */
@Service
public class TraceRetention {

    static final String AUDIT_ACTION = "TRACE_PURGE";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChainVerifier verifier;
    private final AuditLog audit;
    private final Clock clock;
    private final RetentionProperties properties;
    private final JsonMapper json;
    private final ReentrantLock purges = new ReentrantLock();

    TraceRetention(JdbcClient jdbc, TransactionTemplate transactions, ChainVerifier verifier, AuditLog audit, Clock clock,
                   RetentionProperties properties, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.verifier = verifier;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
    }

    /** @return the instant before which traces have expired now, or empty when they are kept forever */
    public Optional<Instant> cutoff() {
        return properties.days() == 0 ? Optional.empty()
                : Optional.of(clock.instant().minus(Duration.ofDays(properties.days())));
    }

    /**
     * Removes the traces decided before {@code before} (and their reason rows), oldest first, up to the first
     * record that is still to be kept.
     *
     * @param actor who purges, for the audit log
     * @throws ChainBrokenException       when the records to remove do not verify (nothing is removed)
     * @throws TraceUnavailableException  when the database fails (nothing is removed)
     */
    public PurgeResult purge(Instant before, String actor) {
        purges.lock();
        try {
            return transactions.execute(status -> purgeInTransaction(before, actor));
        } catch (DataAccessException e) {
            throw new TraceUnavailableException("Decision traces could not be purged", e);
        } finally {
            purges.unlock();
        }
    }

    private PurgeResult purgeInTransaction(Instant before, String actor) {
        Instant now = clock.instant();
        long from = ChainAnchor.newest(jdbc).map(ChainAnchor::purgedThroughSeq).orElse(0L);
        long through = lastExpiredPosition(before, from);
        long purged = 0;
        String anchorHash = null;
        if (through > from) {
            anchorHash = verifiedHashAt(through);
            jdbc.sql("DELETE FROM decision_reason WHERE decision_id IN (SELECT decision_id FROM decision_trace WHERE chain_seq <= ?)")
                    .param(through).update();
            purged = jdbc.sql("DELETE FROM decision_trace WHERE chain_seq <= ?").param(through).update();
            new ChainAnchor(through, anchorHash, purged, now, actor).insert(jdbc);
        }
        long unchained = purgeUnchained(before);
        PurgeResult result = new PurgeResult(before, purged, through > from ? through : null, anchorHash, unchained, now, actor);
        audit.record(actor, AUDIT_ACTION, auditTarget(before), json.writeValueAsString(auditDetails(result)));
        return result;
    }

    /**
     * @return the last position of the chain's expired prefix: the position before the first record decided at or
     * after {@code before}, or the newest position when every record expired
     */
    private long lastExpiredPosition(Instant before, long from) {
        Optional<Long> firstKept = jdbc.sql("""
                SELECT chain_seq FROM decision_trace WHERE chain_seq > ? AND decided_at >= ?
                ORDER BY chain_seq FETCH FIRST 1 ROWS ONLY""")
                .params(from, before.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .optional();
        if (firstKept.isPresent()) {
            return firstKept.get() - 1;
        }
        Long newest = jdbc.sql("SELECT MAX(chain_seq) FROM decision_trace").query(Long.class).single();
        return newest == null ? from : newest;
    }

    /** @return the content hash of the record at {@code through}, after verifying the chain up to it */
    private String verifiedHashAt(long through) {
        ChainReport report = verifier.walk(through);
        if (!report.ok()) {
            throw new ChainBrokenException(report);
        }
        if (report.head() == null || report.head().chainSeq() != through) {
            long last = report.lastPosition();
            throw new ChainBrokenException(new ChainReport(ChainReport.Status.BROKEN, report.checked(),
                    new ChainReport.Broken(null, last + 1, ChainReport.Problem.MISSING_RECORD,
                            "positions " + (last + 1) + " to " + through + " are missing"),
                    report.anchor(), report.head(), 0));
        }
        return report.head().contentHash();
    }

    /** Removes expired rows written before the chain existed; they were never part of it. */
    private long purgeUnchained(Instant before) {
        jdbc.sql("""
                DELETE FROM decision_reason WHERE decision_id IN
                    (SELECT decision_id FROM decision_trace WHERE chain_seq IS NULL AND decided_at < ?)""")
                .param(before.atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("DELETE FROM decision_trace WHERE chain_seq IS NULL AND decided_at < ?")
                .param(before.atOffset(ZoneOffset.UTC)).update();
    }

    /** @return the audit entry's target: the purged range, e.g. {@code decisions before 2026-11-01T00:00:00Z} */
    static String auditTarget(Instant before) {
        return "decisions before " + before;
    }

    private Map<String, Object> auditDetails(PurgeResult result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", result.before().toString());
        details.put("retentionDays", properties.days());
        details.put("purged", result.purged());
        details.put("purgedThroughSeq", result.purgedThroughSeq());
        details.put("anchorHash", result.anchorHash());
        details.put("unchainedPurged", result.unchainedPurged());
        return details;
    }
}
