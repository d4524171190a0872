package dev.arbiter.trace;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends batches of records to the tamper-evident chain ({@link TraceChain}): each record of a batch gets the next
 * {@code chain_seq} and the previous record's content hash, in batch order, and the whole batch (traces and reason
 * rows, as JDBC batch statements) is inserted in one transaction. Only after the commit does the in-memory last
 * link advance and is every record of the batch completed; after any failure the last link is forgotten and read
 * from the database again, so it is never ahead of what was committed.
 * <p>
 * When the database refuses a batch because of one record's data, the batch is not lost: records whose client and
 * request id are already stored fail alone with {@link DuplicateRequestException} and the rest is written again; a
 * duplicate {@code chain_seq} means another service instance appended first, so the last link is read again and the
 * batch retried; any other refusal writes the records one by one so that only the refused one fails. Any other
 * database failure fails the whole batch with {@link TraceUnavailableException} (nothing of it was stored).
 * <p>
 * {@link #write} is called by one thread at a time (the group-commit writer); {@link #lastKnownRecord} and
 * {@link #commits} may be read from any thread.
 */
final class ChainAppender implements GroupCommitWriter.BatchSink {

    /** How often a batch is tried when other instances took the next positions first. */
    private static final int APPEND_ATTEMPTS = 5;

    private static final String INSERT_TRACE = """
            INSERT INTO decision_trace (decision_id, request_id, client_name, request_hash, customer_id, channel, line_of_business,
                outcome, policy_version, decided_at, response_json_utf8, trace_json_utf8, chain_seq, prev_hash, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INSERT_REASON = "INSERT INTO decision_reason (decision_id, position, code) VALUES (?, ?, ?)";

    private static final Logger log = LoggerFactory.getLogger(ChainAppender.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final AtomicLong commits = new AtomicLong();

    /** The newest committed link this instance knows of; null until read from the database. */
    private volatile ChainLink last;

    ChainAppender(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
    }

    @Override
    public void write(List<PendingTrace> batch) {
        List<PendingTrace> left = new ArrayList<>(batch);
        int attempt = 0;
        while (!left.isEmpty()) {
            attempt++;
            try {
                commit(left);
                return;
            } catch (DataIntegrityViolationException refused) {
                last = null;
                List<PendingTrace> duplicates = alreadyStored(left, refused);
                if (!duplicates.isEmpty()) {
                    left.removeAll(duplicates);
                } else if (refused instanceof DuplicateKeyException && attempt < APPEND_ATTEMPTS) {
                    log.debug("Another instance appended to the trace chain first; reading its end again", refused);
                } else if (left.size() > 1) {
                    log.warn("The database refused a batch of {} decision traces ({}); writing them one by one",
                            left.size(), refused.getMostSpecificCause().getMessage());
                    left.forEach(pending -> write(List.of(pending)));
                    return;
                } else {
                    fail(left, refused instanceof DuplicateKeyException
                            ? "The decision trace could not be appended to the chain" : "The decision trace could not be stored",
                            refused);
                    return;
                }
            } catch (DataAccessException e) {
                last = null;
                fail(left, "The decision trace could not be stored", e);
                return;
            }
        }
    }

    private void commit(List<PendingTrace> batch) {
        ChainLink head = transactions.execute(status -> insert(batch));
        last = head;
        commits.incrementAndGet();
        batch.forEach(PendingTrace::committed);
    }

    /** Inserts the batch after the chain's last link, inside the caller's transaction. @return the new last link */
    private ChainLink insert(List<PendingTrace> batch) {
        ChainLink previous = last != null ? last : readLast();
        List<Object[]> traceRows = new ArrayList<>(batch.size());
        List<Object[]> reasonRows = new ArrayList<>(batch.size() * 2);
        for (PendingTrace pending : batch) {
            EncodedTrace trace = pending.trace();
            TraceRecord record = trace.record();
            long chainSeq = previous.chainSeq() + 1;
            String contentHash = trace.contentHash(chainSeq, previous.contentHash());
            traceRows.add(new Object[] {record.decisionId(), record.requestId(), record.clientName(), record.requestHash(),
                    record.customerId(), record.channel(), record.lineOfBusiness(), record.outcome(), record.policyVersion(),
                    TraceChain.storedInstant(record.decidedAt()).atOffset(ZoneOffset.UTC), trace.responseJson(),
                    trace.traceJson(), chainSeq, previous.contentHash(), contentHash});
            for (int i = 0; i < record.reasonCodes().size(); i++) {
                reasonRows.add(new Object[] {record.decisionId(), i, record.reasonCodes().get(i)});
            }
            previous = new ChainLink(chainSeq, record.decisionId(), contentHash);
        }
        batches.batchUpdate(INSERT_TRACE, traceRows);
        if (!reasonRows.isEmpty()) {
            batches.batchUpdate(INSERT_REASON, reasonRows);
        }
        return previous;
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
     * Fails, with {@link DuplicateRequestException}, the records whose client already stored a decision under
     * their request id (another request with the same id committed first).
     *
     * @return the records failed
     */
    private List<PendingTrace> alreadyStored(List<PendingTrace> batch, DataIntegrityViolationException refused) {
        List<PendingTrace> duplicates = new ArrayList<>();
        for (PendingTrace pending : batch) {
            TraceRecord record = pending.record();
            if (pending.requestKey() != null && isStored(record.clientName(), record.requestId())) {
                pending.failed(new DuplicateRequestException(record.requestId(), refused));
                duplicates.add(pending);
            }
        }
        return duplicates;
    }

    private boolean isStored(String clientName, String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace WHERE client_name = ? AND request_id = ?")
                .params(clientName, requestId)
                .query(Long.class)
                .single() > 0;
    }

    private static void fail(List<PendingTrace> batch, String message, DataAccessException cause) {
        batch.forEach(pending -> pending.failed(new TraceUnavailableException(message, cause)));
    }

    /**
     * @return the newest record this instance committed (or read before appending) since it started: the chain in
     * the database must still hold it, or records were removed from its end
     */
    Optional<ChainLink> lastKnownRecord() {
        return Optional.ofNullable(last).filter(link -> link.decisionId() != null);
    }

    /** @return how many transactions this instance committed, each holding one batch */
    long commits() {
        return commits.get();
    }
}
