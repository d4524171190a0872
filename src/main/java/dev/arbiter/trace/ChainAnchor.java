package dev.arbiter.trace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A row of {@code trace_chain_anchor}: where the chain resumes after a retention purge. The newest anchor is the one
 * that purged furthest; verification starts from it.
 *
 * @param purgedThroughSeq the last chain position the purge removed
 * @param anchorHash       the content hash of that record: the prev_hash the first remaining record carries
 * @param purgedCount      how many chained records the purge removed
 * @param purgedAt         when
 * @param purgedBy         who
 */
public record ChainAnchor(long purgedThroughSeq, String anchorHash, long purgedCount, Instant purgedAt, String purgedBy) {

    /** @return the purged record as a link, which the first remaining record follows */
    ChainLink link() {
        return new ChainLink(purgedThroughSeq, null, anchorHash);
    }

    static Optional<ChainAnchor> newest(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT purged_through_seq, anchor_hash, purged_count, purged_at, purged_by FROM trace_chain_anchor
                ORDER BY purged_through_seq DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .query((rs, row) -> new ChainAnchor(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .optional();
    }

    void insert(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO trace_chain_anchor (purged_through_seq, anchor_hash, purged_count, purged_at, purged_by)
                VALUES (?, ?, ?, ?, ?)""")
                .params(purgedThroughSeq, anchorHash, purgedCount, purgedAt.atOffset(ZoneOffset.UTC), purgedBy)
                .update();
    }
}
