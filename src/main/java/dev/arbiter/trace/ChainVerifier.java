package dev.arbiter.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.arbiter.trace.ChainReport.Broken;
import dev.arbiter.trace.ChainReport.Problem;

/**
 * Walks the tamper-evident chain in {@code chain_seq} order, a page at a time, from the newest purge anchor (or
 * from the genesis hash) and recomputes every record's content hash. Reads one consistent snapshot, so appends and
 * purges running meanwhile do not disturb it. Thread-safe.
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 200;

    private static final String ROW_COLUMNS = """
            decision_id, request_id, client_name, request_hash, customer_id, channel, line_of_business, outcome, policy_version,
            decided_at, chain_seq, prev_hash, content_hash, """ + StoredJson.COLUMNS;

    private final JdbcClient jdbc;
    private final TraceStore store;
    private final TransactionTemplate snapshot;

    ChainVerifier(JdbcClient jdbc, TraceStore store, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /**
     * Verifies the whole chain.
     *
     * @throws TraceUnavailableException when the database cannot be read
     */
    public ChainReport verify() {
        // Read before the snapshot starts: every record this instance committed so far is inside the snapshot.
        Optional<ChainLink> lastWritten = store.lastKnownRecord();
        try {
            return snapshot.execute(status -> {
                ChainReport walked = walk(Long.MAX_VALUE, lastWritten.orElse(null));
                return walked.ok() ? endCheck(walked, lastWritten) : walked;
            });
        } catch (DataAccessException e) {
            throw new TraceUnavailableException("Decision traces cannot be read", e);
        }
    }

    /**
     * Walks the chain up to and including {@code throughSeq}, inside the caller's transaction.
     *
     * @return the report; its {@code head} is the last record that matched
     */
    ChainReport walk(long throughSeq) {
        return walk(throughSeq, null);
    }

    /**
     * @param written a record this instance wrote, or null: the record at its position must still be that record,
     *                which catches records rewritten, with hashes recomputed, up to the chain's end
     */
    private ChainReport walk(long throughSeq, ChainLink written) {
        Optional<ChainAnchor> anchor = ChainAnchor.newest(jdbc);
        ChainLink previous = anchor.map(ChainAnchor::link).orElse(ChainLink.START);
        long checked = 0;
        while (previous.chainSeq() < throughSeq) {
            List<StoredRow> page = page(previous.chainSeq(), throughSeq);
            for (StoredRow row : page) {
                Broken broken = check(row, previous, written);
                if (broken != null) {
                    return new ChainReport(ChainReport.Status.BROKEN, checked, broken, anchor.orElse(null),
                            headOrNull(previous), 0);
                }
                previous = row.link();
                checked++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return new ChainReport(ChainReport.Status.OK, checked, null, anchor.orElse(null), headOrNull(previous), 0);
    }

    private static ChainLink headOrNull(ChainLink link) {
        return link.decisionId() == null ? null : link;
    }

    private static Broken check(StoredRow row, ChainLink previous, ChainLink written) {
        long expected = previous.chainSeq() + 1;
        if (row.chainSeq() != expected) {
            return new Broken(row.record().decisionId(), row.chainSeq(), Problem.MISSING_RECORD,
                    "chain positions " + expected + " to " + (row.chainSeq() - 1) + " are missing before this record");
        }
        if (!TraceChain.contentHash(row.record(), row.chainSeq(), row.prevHash()).equals(row.contentHash())) {
            return new Broken(row.record().decisionId(), row.chainSeq(), Problem.CONTENT_CHANGED,
                    "the stored columns no longer hash to the record's content_hash");
        }
        if (!previous.contentHash().equals(row.prevHash())) {
            String before = previous.decisionId() != null ? "the record at chain position " + previous.chainSeq()
                    : previous.chainSeq() == 0 ? "the genesis hash" : "the purge anchor at position " + previous.chainSeq();
            return new Broken(row.record().decisionId(), row.chainSeq(), Problem.LINK_BROKEN,
                    "prev_hash is not the content hash of " + before);
        }
        if (written != null && written.chainSeq() == row.chainSeq() && !written.contentHash().equals(row.contentHash())) {
            return new Broken(row.record().decisionId(), row.chainSeq(), Problem.CONTENT_CHANGED,
                    "this is not the record this service wrote at this position (decision " + written.decisionId()
                            + "): records up to the chain's end were rewritten with recomputed hashes");
        }
        return null;
    }

    /** Checks what a walk of the stored rows alone cannot see: removed newest records, rows outside the chain. */
    private ChainReport endCheck(ChainReport walked, Optional<ChainLink> lastWritten) {
        long last = walked.lastPosition();
        Broken broken = lastWritten.filter(written -> written.chainSeq() > last)
                .map(written -> new Broken(null, last + 1, Problem.MISSING_RECORD,
                        "the chain ends at position " + last + " but this service wrote up to position "
                                + written.chainSeq() + " (decision " + written.decisionId() + ")"))
                .or(() -> outsideTheChain(walked))
                .orElse(null);
        long unchained = jdbc.sql("SELECT COUNT(*) FROM decision_trace WHERE chain_seq IS NULL").query(Long.class).single();
        return new ChainReport(broken == null ? ChainReport.Status.OK : ChainReport.Status.BROKEN, walked.checked(),
                broken, walked.anchor(), walked.head(), unchained);
    }

    /**
     * @return a row that is not in the chain but should be: one at a purged position, or one without a position
     * decided after the oldest chained record (rows from before the chain existed are older than every chained one)
     */
    private Optional<Broken> outsideTheChain(ChainReport walked) {
        if (walked.anchor() != null) {
            Optional<Broken> purged = jdbc.sql("""
                    SELECT decision_id, chain_seq FROM decision_trace WHERE chain_seq <= ?
                    ORDER BY chain_seq FETCH FIRST 1 ROWS ONLY""")
                    .param(walked.anchor().purgedThroughSeq())
                    .query((rs, row) -> new Broken(rs.getString(1), rs.getLong(2), Problem.UNCHAINED_RECORD,
                            "a record at a position the purge anchor says was removed"))
                    .optional();
            if (purged.isPresent()) {
                return purged;
            }
        }
        return jdbc.sql("""
                SELECT decision_id FROM decision_trace WHERE chain_seq IS NULL
                AND decided_at >= (SELECT MIN(decided_at) FROM decision_trace WHERE chain_seq IS NOT NULL)
                ORDER BY decided_at FETCH FIRST 1 ROWS ONLY""")
                .query((rs, row) -> new Broken(rs.getString(1), null, Problem.UNCHAINED_RECORD,
                        "a record without a chain position, decided after chained records"))
                .optional();
    }

    /** A stored row with its chain columns. */
    private record StoredRow(TraceRecord record, long chainSeq, String prevHash, String contentHash) {

        ChainLink link() {
            return new ChainLink(chainSeq, record.decisionId(), contentHash);
        }
    }

    private List<StoredRow> page(long afterSeq, long throughSeq) {
        List<RowWithoutReasons> rows = jdbc.sql("SELECT " + ROW_COLUMNS
                        + " FROM decision_trace WHERE chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq FETCH FIRST "
                        + PAGE + " ROWS ONLY")
                .params(afterSeq, throughSeq)
                .query(ChainVerifier::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> reasons = reasons(afterSeq, rows.get(rows.size() - 1).chainSeq());
        List<StoredRow> page = new ArrayList<>(rows.size());
        for (RowWithoutReasons row : rows) {
            page.add(row.with(reasons.getOrDefault(row.decisionId(), List.of())));
        }
        return page;
    }

    /** @return the reason codes, in order, of the records at positions after {@code afterSeq} through {@code lastSeq} */
    private Map<String, List<String>> reasons(long afterSeq, long lastSeq) {
        Map<String, List<String>> reasons = new HashMap<>();
        jdbc.sql("""
                SELECT r.decision_id, r.code FROM decision_reason r JOIN decision_trace t ON t.decision_id = r.decision_id
                WHERE t.chain_seq > ? AND t.chain_seq <= ? ORDER BY r.decision_id, r.position""")
                .params(afterSeq, lastSeq)
                .query(rs -> {
                    reasons.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return reasons;
    }

    private record RowWithoutReasons(String decisionId, String requestId, String clientName, String requestHash, String customerId,
                                     String channel, String lineOfBusiness, String outcome, String policyVersion,
                                     Instant decidedAt, String responseJson, String traceJson, long chainSeq,
                                     String prevHash, String contentHash) {

        StoredRow with(List<String> reasonCodes) {
            return new StoredRow(new TraceRecord(decisionId, requestId, clientName, requestHash, customerId, channel, lineOfBusiness,
                    outcome, policyVersion, decidedAt, reasonCodes, responseJson, traceJson), chainSeq, prevHash, contentHash);
        }
    }

    private static RowWithoutReasons row(ResultSet rs, int rowNum) throws SQLException {
        return new RowWithoutReasons(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant(), StoredJson.response(rs, 14), StoredJson.trace(rs, 14),
                rs.getLong(11), rs.getString(12), rs.getString(13));
    }
}
