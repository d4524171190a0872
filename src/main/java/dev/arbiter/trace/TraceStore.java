package dev.arbiter.trace;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads decision traces. A trace is written with its reason codes in one transaction; rows are never
 * updated, and deleted only by the retention purge ({@link TraceRetention}).
 * <p>
 * Every record is appended to a tamper-evident chain ({@link TraceChain}): it gets the next {@code chain_seq}, the
 * previous record's content hash as {@code prev_hash} and its own {@code content_hash}. Appends are serialised by a
 * lock held around "take the last hash, insert, commit", so the chain stays linear under concurrent requests; the
 * last link is kept in memory (read from the database on the first append) and advanced only after a commit.
 * Another service instance appending to the same database shows up as a duplicate {@code chain_seq} (unique index):
 * the last link is then read again and the append retried. Thread-safe.
 */
@Repository
public class TraceStore {

    private static final String COLUMNS = "decision_id, request_id, client_name, request_hash, response_json, trace_json";

    /** How often an append is tried when other instances took the next positions first. */
    private static final int APPEND_ATTEMPTS = 5;

    /** How long a request waits for the append lock before it gives up with 503 (a stuck database). */
    private static final long APPEND_LOCK_SECONDS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReentrantLock appends = new ReentrantLock();

    /** The newest link this instance knows of; null until read from the database. Written under {@link #appends}. */
    private volatile ChainLink last;

    TraceStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Stores a decision as the next link of the chain and commits before returning.
     *
     * @throws DuplicateRequestException  when a decision with the same request id exists
     * @throws TraceUnavailableException  when the database cannot store it
     */
    public void save(TraceRecord record) {
        lockAppends();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    last = transactions.execute(status -> append(record));
                    return;
                } catch (DuplicateKeyException e) {
                    if (record.requestId() != null
                            && findByRequestId(record.clientName(), record.requestId()).isPresent()) {
                        throw new DuplicateRequestException(record.requestId(), e);
                    }
                    last = null;
                    if (attempt == APPEND_ATTEMPTS) {
                        throw new TraceUnavailableException("The decision trace could not be appended to the chain", e);
                    }
                } catch (DataAccessException e) {
                    throw new TraceUnavailableException("The decision trace could not be stored", e);
                }
            }
        } finally {
            appends.unlock();
        }
    }

    private void lockAppends() {
        try {
            if (!appends.tryLock(APPEND_LOCK_SECONDS, TimeUnit.SECONDS)) {
                throw new TraceUnavailableException("The decision trace store is busy", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TraceUnavailableException("Interrupted while waiting to store the decision trace", e);
        }
    }

    private ChainLink append(TraceRecord record) {
        ChainLink previous = last != null ? last : readLast();
        long chainSeq = previous.chainSeq() + 1;
        String contentHash = TraceChain.contentHash(record, chainSeq, previous.contentHash());
        jdbc.sql("""
                INSERT INTO decision_trace (decision_id, request_id, client_name, request_hash, customer_id, channel, line_of_business,
                    outcome, policy_version, decided_at, response_json, trace_json, chain_seq, prev_hash, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.decisionId(), record.requestId(), record.clientName(), record.requestHash(), record.customerId(), record.channel(),
                        record.lineOfBusiness(), record.outcome(), record.policyVersion(),
                        TraceChain.storedInstant(record.decidedAt()).atOffset(ZoneOffset.UTC), record.responseJson(),
                        record.traceJson(), chainSeq, previous.contentHash(), contentHash)
                .update();
        for (int i = 0; i < record.reasonCodes().size(); i++) {
            jdbc.sql("INSERT INTO decision_reason (decision_id, position, code) VALUES (?, ?, ?)")
                    .params(record.decisionId(), i, record.reasonCodes().get(i))
                    .update();
        }
        return new ChainLink(chainSeq, record.decisionId(), contentHash);
    }

    /** @return the newest link in the database: the newest record, or the newest purge anchor when it is newer */
    private ChainLink readLast() {
        Optional<ChainLink> newestRecord = jdbc.sql("""
                SELECT chain_seq, decision_id, content_hash FROM decision_trace
                WHERE chain_seq = (SELECT MAX(chain_seq) FROM decision_trace)""")
                .query((rs, row) -> new ChainLink(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
        ChainLink anchor = ChainAnchor.newest(jdbc).map(ChainAnchor::link).orElse(ChainLink.START);
        return newestRecord.filter(record -> record.chainSeq() > anchor.chainSeq()).orElse(anchor);
    }

    /**
     * @return the newest record this instance appended (or read before appending) since it started: the chain in
     * the database must still hold it, or records were removed from its end
     */
    Optional<ChainLink> lastKnownRecord() {
        return Optional.ofNullable(last).filter(link -> link.decisionId() != null);
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
                            rs.getString(4), rs.getString(5), rs.getString(6)))
                    .optional();
        } catch (DataAccessException e) {
            throw new TraceUnavailableException("Decision traces cannot be read", e);
        }
    }
}
