package dev.arbiter.trace;

import java.util.Optional;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads decision traces. A trace is written with its reason codes in one transaction; rows are never
 * updated, and deleted only by the retention purge ({@link TraceRetention}).
 * <p>
 * Every record is appended to a tamper-evident chain ({@link TraceChain}): it gets the next {@code chain_seq}, the
 * previous record's content hash as {@code prev_hash} and its own {@code content_hash}. Appends use group commit: the
 * records of concurrent requests queue up and one writer thread ({@link GroupCommitWriter}) appends them in queue
 * order, up to {@value #MAX_BATCH} per transaction ({@link ChainAppender}), so the chain stays linear and a commit
 * serves many decisions. A lone record is written at once. {@link #save} returns only once the transaction holding
 * its record committed. Another service instance appending to the same database shows up as a duplicate
 * {@code chain_seq} (unique index): the last link is then read again and the batch retried. The retention purge
 * needs no coordination with appends: it removes a prefix of committed records and anchors it, and an append reads
 * either the removed record or its anchor, both carrying the same hash, as the link to follow.
 * <p>
 * The answer and trace JSON are stored as their UTF-8 bytes (records written before changeSet 11 as text; both are
 * read, see {@link StoredJson}). The request thread encodes its record and hashes all of it but the chain position
 * before queueing it ({@link EncodedTrace}), so the writer thread does only what must be done in chain order.
 * <p>
 * With {@code arbiter.traces.persist=false} (load benchmarks only, see {@link TraceProperties}) nothing is written.
 * Thread-safe. On shutdown the queued records are written (for up to the commit timeout) before the database closes.
 */
@Repository
public class TraceStore {

    /** The most records one transaction holds. */
    static final int MAX_BATCH = 256;

    private static final String COLUMNS = "decision_id, request_id, client_name, request_hash, " + StoredJson.COLUMNS;

    private static final Logger log = LoggerFactory.getLogger(TraceStore.class);

    private final JdbcClient jdbc;
    private final TraceProperties properties;
    private final ChainAppender appender;

    /** Null when traces are not persisted. */
    private final GroupCommitWriter writer;

    TraceStore(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, TraceProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.appender = new ChainAppender(jdbc, batches, transactions);
        this.writer = properties.persist() ? GroupCommitWriter.start("trace-writer", MAX_BATCH, properties.batchWait(), appender) : null;
        if (!properties.persist()) {
            log.warn("""
                    ***************************************************************************************************
                    arbiter.traces.persist=false: DECISION TRACES ARE NOT STORED. Decisions cannot be read back, request
                    ids are not replayed and there is no evidence for compliance review. For load benchmarks only.
                    ***************************************************************************************************""");
        }
    }

    /**
     * Stores a decision as the next link of the chain and returns once its transaction committed (at once, storing
     * nothing, when traces are not persisted).
     *
     * @throws DuplicateRequestException  when a decision of the same client with the same request id was stored first
     * @throws TraceUnavailableException  when the database cannot store it, or not within
     *                                    {@code arbiter.traces.commit-timeout}, or the service is shutting down
     */
    public void save(TraceRecord record) {
        if (writer == null) {
            return;
        }
        writer.submit(record).await(properties.commitTimeout());
    }

    /**
     * Announces a trace that will be saved shortly, by a request that is still deciding: while it is under way the
     * trace writer may hold a batch open (up to {@code arbiter.traces.batch-wait}) so that the trace shares its commit.
     * Save it through the returned handle; close the handle in every case (closing after saving does nothing).
     */
    public Upcoming expect() {
        return writer == null ? new Upcoming(null) : new Upcoming(writer.announce());
    }

    /** A trace announced by {@link #expect}. Used by the request thread that announced it. */
    public final class Upcoming implements AutoCloseable {

        /** Null when traces are not persisted. */
        private final GroupCommitWriter.Announcement announcement;

        private Upcoming(GroupCommitWriter.Announcement announcement) {
            this.announcement = announcement;
        }

        /** Like {@link TraceStore#save}, for the announced trace. */
        public void save(TraceRecord record) {
            if (announcement != null) {
                announcement.submit(record).await(properties.commitTimeout());
            }
        }

        /** Withdraws the announcement when the trace was not saved (the decision failed). */
        @Override
        public void close() {
            if (announcement != null) {
                announcement.close();
            }
        }
    }

    /**
     * @return the newest record this instance appended (or read before appending) since it started: the chain in
     * the database must still hold it, or records were removed from its end
     */
    Optional<ChainLink> lastKnownRecord() {
        return appender.lastKnownRecord();
    }

    /** @return how many transactions have committed traces since the start (each holds a batch of records) */
    long commits() {
        return appender.commits();
    }

    /** @return how many traces wait for the writer right now (0 when traces are not persisted) */
    int queuedTraces() {
        return writer == null ? 0 : writer.queued();
    }

    /** Writes what is queued (for up to the commit timeout) and stops the writer; later saves fail with 503. */
    @PreDestroy
    void close() {
        if (writer != null) {
            writer.close(properties.commitTimeout());
        }
    }

    /** @throws TraceUnavailableException when the database cannot be read */
    public Optional<StoredDecision> findById(String decisionId) {
        return find("decision_id = ?", decisionId);
    }

    /**
     * @return the decision {@code clientName} asked for with {@code requestId}: request ids are unique per client
     * @throws TraceUnavailableException when the database cannot be read
     */
    public Optional<StoredDecision> findByRequestId(String clientName, String requestId) {
        return find("client_name = ? AND request_id = ?", clientName, requestId);
    }

    private Optional<StoredDecision> find(String condition, Object... values) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + " FROM decision_trace WHERE " + condition)
                    .params(values)
                    .query((rs, row) -> new StoredDecision(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), StoredJson.response(rs, 5), StoredJson.trace(rs, 5)))
                    .optional();
        } catch (DataAccessException e) {
            throw new TraceUnavailableException("Decision traces cannot be read", e);
        }
    }
}
