package dev.arbiter.trace;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

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
        String original = column(altered, "trace_json");
        try {
            jdbc.sql("UPDATE decision_trace SET trace_json = ? WHERE decision_id = ?")
                    .params(original.replace("\"outcome\":\"AUTOMATE\"", "\"outcome\":\"ESCALATE\""), altered).update();

            assertBrokenAt(verify(), altered, "CONTENT_CHANGED");
        } finally {
            jdbc.sql("UPDATE decision_trace SET trace_json = ? WHERE decision_id = ?").params(original, altered).update();
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
        String originalTrace = column(rewritten, "trace_json");
        String originalHash = column(rewritten, "content_hash");
        try {
            String forged = originalTrace.replace("\"outcome\":\"AUTOMATE\"", "\"outcome\":\"ESCALATE\"");
            jdbc.sql("UPDATE decision_trace SET trace_json = ? WHERE decision_id = ?").params(forged, rewritten).update();
            jdbc.sql("UPDATE decision_trace SET content_hash = ? WHERE decision_id = ?")
                    .params(recomputedHash(rewritten), rewritten).update();

            assertBrokenAt(verify(), ids.get(2), "LINK_BROKEN");
        } finally {
            jdbc.sql("UPDATE decision_trace SET trace_json = ?, content_hash = ? WHERE decision_id = ?")
                    .params(originalTrace, originalHash, rewritten).update();
        }
    }

    @Test
    void newestRecordRewrittenWithARecomputedHashIsCaughtAgainstTheRecordTheServiceWrote() {
        String newest = decide(2).get(1);
        String originalTrace = column(newest, "trace_json");
        String originalHash = column(newest, "content_hash");
        try {
            jdbc.sql("UPDATE decision_trace SET trace_json = ? WHERE decision_id = ?")
                    .params(originalTrace.replace("\"outcome\":\"AUTOMATE\"", "\"outcome\":\"ESCALATE\""), newest).update();
            jdbc.sql("UPDATE decision_trace SET content_hash = ? WHERE decision_id = ?")
                    .params(recomputedHash(newest), newest).update();

            assertBrokenAt(verify(), newest, "CONTENT_CHANGED");
        } finally {
            jdbc.sql("UPDATE decision_trace SET trace_json = ?, content_hash = ? WHERE decision_id = ?")
                    .params(originalTrace, originalHash, newest).update();
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
                    policy_version, decided_at, response_json, trace_json)
                SELECT ?, request_hash, customer_id, channel, line_of_business, 'ESCALATE', policy_version, decided_at,
                    response_json, trace_json FROM decision_trace WHERE decision_id = ?""").params(inserted, copied).update();
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

        List<Map<String, Object>> rows = jdbc.sql(documentedQuery("H2")).query().listOfRows();

        assertThat(rows).hasSize((int) storedDecisions()).allSatisfy(row -> assertThat(row.get("RECOMPUTED"))
                .as("decision %s", row.get("DECISION_ID")).isNotNull().isEqualTo(row.get("CONTENT_HASH")));
    }

    // --- fixtures ---

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
                reasons, column(decisionId, "response_json"), column(decisionId, "trace_json"));
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

    /** @return the SQL block of docs/compliance.md whose first line is {@code -- content hash, <database>} */
    private static String documentedQuery(String database) throws IOException {
        String docs = Files.readString(Path.of("docs/compliance.md"));
        Matcher block = Pattern.compile("```sql\\n(-- content hash, " + database + "\\n.*?)```", Pattern.DOTALL).matcher(docs);
        assertThat(block.find()).as("docs/compliance.md has the %s query", database).isTrue();
        return block.group(1).strip().replaceAll(";$", "");
    }
}
