package dev.arbiter.trace;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.annotation.DirtiesContext;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/traces/verify names exactly the record that was altered, removed or slipped in behind the service's
 * back. Alters its own database (and puts every row back), so it runs in a context of its own that is closed
 * afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.test.context=chain")
@DirtiesContext
class ChainVerificationTest extends HttpServiceTest {

    private static final String VERIFY = "/api/v1/traces/verify";

    @Test
    void chainOfDecisionsVerifies() {
        decide(3);

        JsonNode report = verify();

        assertThat(report.path("status").asString()).isEqualTo("OK");
        assertThat(report.path("checked").asLong()).isEqualTo(storedDecisions());
        assertThat(report.path("firstBroken").isNull()).isTrue();
        assertThat(report.path("head").path("chainSeq").asLong()).isEqualTo(newestChainSeq());
    }

    @Test
    void alteredTraceJsonIsReportedAsChangedContentAtExactlyThatRecord() {
        String altered = decide(3).get(1);
        String original = storedTrace(altered);
        try {
            storeTrace(altered, original.replace("\"outcome\":\"AUTOMATE\"", "\"outcome\":\"ESCALATE\""));

            assertBrokenAt(verify(), altered, "CONTENT_CHANGED");
        } finally {
            storeTrace(altered, original);
        }
        assertThat(verify().path("status").asString()).as("verifies again once the row is put back").isEqualTo("OK");
    }

    @Test
    void alteredOutcomeColumnIsReportedAsChangedContentAtExactlyThatRecord() {
        String altered = decide(3).get(1);
        try {
            jdbc.sql("UPDATE decision_trace SET outcome = 'ESCALATE' WHERE decision_id = ?").param(altered).update();

            assertBrokenAt(verify(), altered, "CONTENT_CHANGED");
        } finally {
            jdbc.sql("UPDATE decision_trace SET outcome = 'AUTOMATE' WHERE decision_id = ?").param(altered).update();
        }
    }

    @Test
    void alteredReasonCodeIsReportedAsChangedContentOfItsRecord() {
        String altered = decideNotAutomated();
        decide(1);
        String original = jdbc.sql("SELECT code FROM decision_reason WHERE decision_id = ? AND position = 0").param(altered)
                .query(String.class).single();
        try {
            jdbc.sql("UPDATE decision_reason SET code = 'NOTHING_TO_SEE' WHERE decision_id = ? AND position = 0")
                    .param(altered).update();

            assertBrokenAt(verify(), altered, "CONTENT_CHANGED");
        } finally {
            jdbc.sql("UPDATE decision_reason SET code = ? WHERE decision_id = ? AND position = 0").params(original, altered)
                    .update();
        }
    }

    @Test
    void recordRewrittenWithARecomputedHashIsReportedAsABrokenLinkAtTheNextRecord() {
        List<String> ids = decide(3);
        String rewritten = ids.get(1);
        String originalTrace = storedTrace(rewritten);
        String originalHash = column(rewritten, "content_hash");
        try {
            storeTrace(rewritten, originalTrace.replace("\"outcome\":\"AUTOMATE\"", "\"outcome\":\"ESCALATE\""));
            jdbc.sql("UPDATE decision_trace SET content_hash = ? WHERE decision_id = ?")
                    .params(recomputedHash(rewritten), rewritten).update();

            assertBrokenAt(verify(), ids.get(2), "LINK_BROKEN");
        } finally {
            storeTrace(rewritten, originalTrace);
            jdbc.sql("UPDATE decision_trace SET content_hash = ? WHERE decision_id = ?").params(originalHash, rewritten).update();
        }
    }

    @Test
    void newestRecordRewrittenWithARecomputedHashIsCaughtAgainstTheRecordTheServiceWrote() {
        String newest = decide(2).get(1);
        String originalTrace = storedTrace(newest);
        String originalHash = column(newest, "content_hash");
        try {
            storeTrace(newest, originalTrace.replace("\"outcome\":\"AUTOMATE\"", "\"outcome\":\"ESCALATE\""));
            jdbc.sql("UPDATE decision_trace SET content_hash = ? WHERE decision_id = ?")
                    .params(recomputedHash(newest), newest).update();

            assertBrokenAt(verify(), newest, "CONTENT_CHANGED");
        } finally {
            storeTrace(newest, originalTrace);
            jdbc.sql("UPDATE decision_trace SET content_hash = ? WHERE decision_id = ?").params(originalHash, newest).update();
        }
    }

    @Test
    void deletedMiddleRecordIsReportedMissingAtTheNextRecord() {
        List<String> ids = decide(3);
        try (SetAside removed = setAside(ids.get(1))) {
            JsonNode report = verify();

            assertBrokenAt(report, ids.get(2), "MISSING_RECORD");
            assertThat(report.path("firstBroken").path("detail").asString()).contains(Long.toString(removed.chainSeq()));
        }
        assertThat(verify().path("status").asString()).isEqualTo("OK");
    }

    @Test
    void deletedNewestRecordIsReportedMissingAfterTheChainsEnd() {
        String newest = decide(2).get(1);
        try (SetAside removed = setAside(newest)) {
            JsonNode report = verify();

            assertThat(report.path("status").asString()).isEqualTo("BROKEN");
            assertThat(report.path("firstBroken").path("problem").asString()).isEqualTo("MISSING_RECORD");
            assertThat(report.path("firstBroken").path("chainSeq").asLong()).isEqualTo(removed.chainSeq());
            assertThat(report.path("firstBroken").path("detail").asString()).contains(newest);
        }
    }

    @Test
    void rowInsertedWithoutAChainPositionIsReportedAsUnchained() {
        String copied = decide(1).get(0);
        String inserted = "01960000-0000-7000-8000-00000000f00d";
        jdbc.sql("""
                INSERT INTO decision_trace (decision_id, request_hash, customer_id, channel, line_of_business, outcome,
                    policy_version, decided_at, response_json_utf8, trace_json_utf8)
                SELECT ?, request_hash, customer_id, channel, line_of_business, 'ESCALATE', policy_version, decided_at,
                    response_json_utf8, trace_json_utf8 FROM decision_trace WHERE decision_id = ?""").params(inserted, copied).update();
        try {
            assertBrokenAt(verify(), inserted, "UNCHAINED_RECORD");
        } finally {
            jdbc.sql("DELETE FROM decision_trace WHERE decision_id = ?").param(inserted).update();
        }
    }

    @Test
    void concurrentDecisionsFormOneLinearChain() throws Exception {
        int threads = 8;
        int perThread = 50;
        long before = storedDecisions();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<HttpResponse<String>>>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(callers.submit(() -> {
                    start.await();
                    List<HttpResponse<String>> responses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        responses.add(api.decide(automatableChatRequest()));
                    }
                    return responses;
                }));
            }
            start.countDown();
            for (Future<List<HttpResponse<String>>> caller : running) {
                assertThat(caller.get(5, TimeUnit.MINUTES)).allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
            }
        } finally {
            callers.shutdownNow();
        }

        Map<String, Object> chain = jdbc.sql("SELECT MIN(chain_seq) AS first, MAX(chain_seq) AS last, COUNT(*) AS rows "
                + "FROM decision_trace").query().singleRow();
        assertThat(((Number) chain.get("rows")).longValue()).isEqualTo(before + threads * perThread);
        assertThat(((Number) chain.get("last")).longValue() - ((Number) chain.get("first")).longValue() + 1)
                .as("consecutive positions").isEqualTo(((Number) chain.get("rows")).longValue());
        JsonNode report = verify();
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.path("checked").asLong()).isEqualTo(before + threads * perThread);
    }

    @Test
    void contentHashesCanBeRecomputedWithTheSqlQueryInTheDocs() throws IOException {
        decide(2);
        decideNotAutomated();

        List<Map<String, Object>> rows = jdbc.sql(DocumentedQueries.contentHashQuery("H2")).query().listOfRows();

        assertThat(rows).hasSize((int) storedDecisions()).allSatisfy(row -> assertThat(row.get("RECOMPUTED"))
                .as("decision %s", row.get("DECISION_ID")).isNotNull().isEqualTo(row.get("CONTENT_HASH")));
    }

    @Test
    void recordStoredAsTextBeforeTheUtf8ColumnsIsStillServedAndVerified() throws IOException {
        String legacy = decideNotAutomated();
        JsonNode answer = read(Api.DECISIONS + "/" + legacy);
        JsonNode trace = read(Api.DECISIONS + "/" + legacy + "/trace");
        decide(1);

        asStoredBeforeTheUtf8Columns(legacy);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM decision_trace WHERE decision_id = ? AND trace_json_utf8 IS NULL")
                .param(legacy).query(Long.class).single()).as("stored as text").isEqualTo(1);
        assertThat(read(Api.DECISIONS + "/" + legacy)).isEqualTo(answer);
        assertThat(read(Api.DECISIONS + "/" + legacy + "/trace")).isEqualTo(trace);
        assertThat(verify().path("status").asString()).isEqualTo("OK");
        assertThat(jdbc.sql(DocumentedQueries.contentHashQuery("H2")).query().listOfRows()).allSatisfy(row ->
                assertThat(row.get("RECOMPUTED")).isEqualTo(row.get("CONTENT_HASH")));
    }

    @Test
    void recordCannotBeLeftWithoutItsTraceNorHoldItTwice() {
        String decided = decide(1).get(0);

        assertThatThrownBy(() -> jdbc.sql("UPDATE decision_trace SET trace_json_utf8 = NULL WHERE decision_id = ?")
                .param(decided).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE decision_trace SET response_json = '{}' WHERE decision_id = ?")
                .param(decided).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(verify().path("status").asString()).isEqualTo("OK");
    }

    // --- fixtures ---

    /** Moves the record's answer and trace JSON from the UTF-8 columns to the text columns it had before them. */
    private void asStoredBeforeTheUtf8Columns(String decisionId) {
        jdbc.sql("""
                UPDATE decision_trace SET response_json = ?, trace_json = ?, response_json_utf8 = NULL, trace_json_utf8 = NULL
                WHERE decision_id = ?""")
                .params(storedJson(decisionId, "response_json"), storedTrace(decisionId), decisionId).update();
    }

    private String storedTrace(String decisionId) {
        return storedJson(decisionId, "trace_json");
    }

    /** @return the document ({@code response_json} or {@code trace_json}) as stored, in whichever form it is */
    private String storedJson(String decisionId, String document) {
        return jdbc.sql("SELECT " + document + ", " + document + "_utf8 FROM decision_trace WHERE decision_id = ?")
                .param(decisionId)
                .query((rs, row) -> rs.getBytes(2) != null ? new String(rs.getBytes(2), StandardCharsets.UTF_8) : rs.getString(1))
                .single();
    }

    /** Overwrites the record's trace JSON as the service writes it (UTF-8 bytes). */
    private void storeTrace(String decisionId, String traceJson) {
        jdbc.sql("UPDATE decision_trace SET trace_json_utf8 = ? WHERE decision_id = ?")
                .params(traceJson.getBytes(StandardCharsets.UTF_8), decisionId).update();
    }

    /** @return the ids of {@code count} new decisions, in the order they were made */
    private List<String> decide(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.decided(automatableChatRequest()).path("decisionId").asString());
        }
        return ids;
    }

    /** @return the id of a new decision that carries reasons */
    private String decideNotAutomated() {
        return api.decided(withRequestId(designExampleRequest(), uniqueRequestId("chain"))).path("decisionId").asString();
    }

    private JsonNode read(String path) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode verify() {
        HttpResponse<String> response = api.get(VERIFY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static void assertBrokenAt(JsonNode report, String decisionId, String problem) {
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("BROKEN");
        assertThat(report.path("firstBroken").path("decisionId").asString()).as(report.toString()).isEqualTo(decisionId);
        assertThat(report.path("firstBroken").path("problem").asString()).as(report.toString()).isEqualTo(problem);
    }

    private String column(String decisionId, String column) {
        return jdbc.sql("SELECT " + column + " FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(String.class).single();
    }

    private long storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Long.class).single();
    }

    private long newestChainSeq() {
        return jdbc.sql("SELECT MAX(chain_seq) FROM decision_trace").query(Long.class).single();
    }

    /** @return the content hash of the row as it is stored now, computed as the service does */
    private String recomputedHash(String decisionId) {
        List<String> reasons = jdbc.sql("SELECT code FROM decision_reason WHERE decision_id = ? ORDER BY position")
                .param(decisionId).query(String.class).list();
        Map<String, Object> row = jdbc.sql("SELECT * FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query().singleRow();
        TraceRecord record = new TraceRecord(decisionId, (String) row.get("REQUEST_ID"), (String) row.get("CLIENT_NAME"),
                (String) row.get("REQUEST_HASH"),
                (String) row.get("CUSTOMER_ID"), (String) row.get("CHANNEL"), (String) row.get("LINE_OF_BUSINESS"),
                (String) row.get("OUTCOME"), (String) row.get("POLICY_VERSION"),
                jdbc.sql("SELECT decided_at FROM decision_trace WHERE decision_id = ?").param(decisionId)
                        .query(OffsetDateTime.class).single().toInstant(),
                reasons, storedJson(decisionId, "response_json"), storedTrace(decisionId));
        return TraceChain.contentHash(record, ((Number) row.get("CHAIN_SEQ")).longValue(), (String) row.get("PREV_HASH"));
    }

    /** A decision row and its reasons moved to side tables; closing puts them back. */
    private final class SetAside implements AutoCloseable {

        private final String decisionId;
        private final long chainSeq;

        SetAside(String decisionId) {
            this.decisionId = decisionId;
            this.chainSeq = jdbc.sql("SELECT chain_seq FROM decision_trace WHERE decision_id = ?").param(decisionId)
                    .query(Long.class).single();
            jdbc.sql("CREATE TABLE set_aside_trace AS SELECT * FROM decision_trace WHERE decision_id = ?").param(decisionId).update();
            jdbc.sql("CREATE TABLE set_aside_reason AS SELECT * FROM decision_reason WHERE decision_id = ?").param(decisionId).update();
            jdbc.sql("DELETE FROM decision_reason WHERE decision_id = ?").param(decisionId).update();
            jdbc.sql("DELETE FROM decision_trace WHERE decision_id = ?").param(decisionId).update();
        }

        long chainSeq() {
            return chainSeq;
        }

        @Override
        public void close() {
            jdbc.sql("INSERT INTO decision_trace SELECT * FROM set_aside_trace").update();
            jdbc.sql("INSERT INTO decision_reason SELECT * FROM set_aside_reason").update();
            jdbc.sql("DROP TABLE set_aside_trace").update();
            jdbc.sql("DROP TABLE set_aside_reason").update();
        }
    }

    private SetAside setAside(String decisionId) {
        return new SetAside(decisionId);
    }
}
