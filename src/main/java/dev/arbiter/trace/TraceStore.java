package dev.arbiter.trace;

import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads decision traces. A trace is written with its reason codes in one transaction; rows are never
 * updated. Thread-safe.
 */
@Repository
public class TraceStore {

    private static final String COLUMNS = "decision_id, request_id, request_hash, response_json, trace_json";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TraceStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Stores a decision and commits before returning.
     *
     * @throws DuplicateRequestException  when a decision with the same request id exists
     * @throws TraceUnavailableException  when the database cannot store it
     */
    public void save(TraceRecord record) {
        try {
            transactions.executeWithoutResult(status -> insert(record));
        } catch (DuplicateKeyException e) {
            throw new DuplicateRequestException(record.requestId(), e);
        } catch (DataAccessException e) {
            throw new TraceUnavailableException("The decision trace could not be stored", e);
        }
    }

    private void insert(TraceRecord record) {
        jdbc.sql("""
                INSERT INTO decision_trace (decision_id, request_id, request_hash, customer_id, channel, line_of_business,
                    outcome, policy_version, decided_at, response_json, trace_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.decisionId(), record.requestId(), record.requestHash(), record.customerId(), record.channel(),
                        record.lineOfBusiness(), record.outcome(), record.policyVersion(),
                        record.decidedAt().atOffset(ZoneOffset.UTC), record.responseJson(), record.traceJson())
                .update();
        for (int i = 0; i < record.reasonCodes().size(); i++) {
            jdbc.sql("INSERT INTO decision_reason (decision_id, position, code) VALUES (?, ?, ?)")
                    .params(record.decisionId(), i, record.reasonCodes().get(i))
                    .update();
        }
    }

    /** @throws TraceUnavailableException when the database cannot be read */
    public Optional<StoredDecision> findById(String decisionId) {
        return find("decision_id", decisionId);
    }

    /** @throws TraceUnavailableException when the database cannot be read */
    public Optional<StoredDecision> findByRequestId(String requestId) {
        return find("request_id", requestId);
    }

    private Optional<StoredDecision> find(String column, String value) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + " FROM decision_trace WHERE " + column + " = ?")
                    .param(value)
                    .query((rs, row) -> new StoredDecision(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)))
                    .optional();
        } catch (DataAccessException e) {
            throw new TraceUnavailableException("Decision traces cannot be read", e);
        }
    }
}
