package dev.arbiter.trace;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withIntentConfidence;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

import dev.arbiter.decision.DecisionPipeline;
import dev.arbiter.decision.DecisionRequest;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Group commit against the real database: concurrent decisions share commits and still form one gap-free chain;
 * what goes wrong with one record of a batch, or with the database during a batch, reaches exactly the requests it
 * concerns. Tests that need a batch of known content hold the trace writer at the start of a transaction
 * ({@link WriterGate}) while the requests queue up behind it. Changes its own database (and puts it back), so it
 * runs in a context of its own that is closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arbiter.test.context=group-commit", "arbiter.traces.commit-timeout=120s"})
@DirtiesContext
class GroupCommitTest extends HttpServiceTest {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitTest.class);
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @MockitoSpyBean
    TransactionTemplate transactions;

    @Autowired
    TraceStore store;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    DecisionPipeline pipeline;

    @Autowired
    JsonMapper mapper;

    private ExecutorService callers;

    @BeforeEach
    void startCallers() {
        callers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void concurrentDecisionsAreStoredOnceEachInAGapFreeChainWithFewerCommitsThanDecisions() throws Exception {
        int threads = 8;
        int perThread = 500;
        long rowsBefore = storedDecisions();
        long commitsBefore = store.commits();
        DecisionRequest request = mapper.treeToValue(automatableChatRequest(), DecisionRequest.class);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(callers.submit(() -> {
                start.await();
                List<String> decided = new ArrayList<>(perThread);
                for (int i = 0; i < perThread; i++) {
                    decided.add(pipeline.decide(request, "load-client").response().decisionId());
                }
                return decided;
            }));
        }

        start.countDown();

        Set<String> answered = new HashSet<>();
        for (Future<List<String>> caller : running) {
            answered.addAll(caller.get(10, TimeUnit.MINUTES));
        }
        long commits = store.commits() - commitsBefore;
        log.info("{} decisions from {} threads were committed in {} transactions", answered.size(), threads, commits);
        assertThat(answered).hasSize(threads * perThread);
        assertThat(storedDecisions()).isEqualTo(rowsBefore + answered.size());
        assertThat(storedAmong(answered)).as("every answered decision is stored").isEqualTo(answered.size());
        assertGapFree();
        assertChainVerifies();
        assertThat(commits).as("concurrent decisions share commits").isLessThan(answered.size());
    }

    @Test
    void sameRequestIdTwiceInOneBatchIsStoredOnceAndTheOtherRequestsOfTheBatchAreUnaffected() throws Exception {
        ObjectNode repeated = withRequestId(automatableChatRequest(), uniqueRequestId("same-body"));
        String reusedId = uniqueRequestId("other-body");
        long rowsBefore = storedDecisions();
        long commitsBefore = store.commits();

        Map<String, HttpResponse<String>> responses = inOneBatch(Map.of(
                "repeat-1", repeated, "repeat-2", repeated,
                "reuse-1", withRequestId(automatableChatRequest(), reusedId),
                "reuse-2", withIntentConfidence(withRequestId(automatableChatRequest(), reusedId), 0.5),
                "plain-1", automatableChatRequest(), "plain-2", automatableChatRequest()));

        HttpResponse<String> repeat1 = responses.get("repeat-1");
        HttpResponse<String> repeat2 = responses.get("repeat-2");
        assertThat(List.of(repeat1, repeat2)).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(decisionId(repeat2)).isEqualTo(decisionId(repeat1));
        assertThat(List.of(repeat1.headers().firstValue(REPLAYED).orElseThrow(), repeat2.headers().firstValue(REPLAYED).orElseThrow()))
                .containsExactlyInAnyOrder("false", "true");
        assertThat(List.of(responses.get("reuse-1").statusCode(), responses.get("reuse-2").statusCode()))
                .containsExactlyInAnyOrder(200, 409);
        assertThat(responses.get("plain-1").statusCode()).as(responses.get("plain-1").body()).isEqualTo(200);
        assertThat(responses.get("plain-2").statusCode()).as(responses.get("plain-2").body()).isEqualTo(200);
        assertThat(storedWithRequestId(repeated.path("requestId").asString())).isEqualTo(1);
        assertThat(storedWithRequestId(reusedId)).isEqualTo(1);
        assertThat(storedDecisions()).as("the held request, one per request id, both plain ones").isEqualTo(rowsBefore + 5);
        assertThat(store.commits() - commitsBefore).as("the held request's batch and the batch that queued behind it")
                .isEqualTo(2);
        assertGapFree();
        assertChainVerifies();
    }

    @Test
    void databaseFailureDuringABatchRefusesEveryRequestOfTheBatchAndTheChainContinues() throws Exception {
        decideOnce();
        Map<String, Object> head = newestRecord();
        long rowsBefore = storedDecisions();
        long commitsBefore = store.commits();

        Map<String, HttpResponse<String>> responses = inOneBatch(Map.of("a", automatableChatRequest(),
                "b", automatableChatRequest(), "c", withRequestId(automatableChatRequest(), uniqueRequestId("failed")),
                "d", automatableChatRequest()), () -> jdbc.sql("ALTER TABLE decision_reason RENAME TO decision_reason_gone").update());
        jdbc.sql("ALTER TABLE decision_reason_gone RENAME TO decision_reason").update();

        assertThat(responses.values()).allSatisfy(response -> assertProblem(response, 503));
        assertThat(storedDecisions()).as("nothing of the failed batches").isEqualTo(rowsBefore);
        assertThat(store.commits()).isEqualTo(commitsBefore);
        String next = decisionId(api.decide(automatableChatRequest()));
        assertThat(Long.parseLong(column(next, "chain_seq"))).isEqualTo(((Number) head.get("CHAIN_SEQ")).longValue() + 1);
        assertThat(column(next, "prev_hash")).as("the chain continues after the last committed record")
                .isEqualTo(head.get("CONTENT_HASH"));
        assertChainVerifies();
    }

    @Test
    void recordTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
        ObjectNode refused = automatableChatRequest();
        ((ObjectNode) refused.path("customer")).put("id", "c-refused");
        long rowsBefore = storedDecisions();
        Map<String, HttpResponse<String>> responses;
        try {
            responses = inOneBatch(Map.of("ok-1", automatableChatRequest(), "refused", refused,
                    "ok-2", automatableChatRequest()), () -> jdbc.sql("""
                    ALTER TABLE decision_trace ADD CONSTRAINT test_refuse_customer CHECK (customer_id <> 'c-refused') NOCHECK""")
                    .update());
        } finally {
            jdbc.sql("ALTER TABLE decision_trace DROP CONSTRAINT IF EXISTS test_refuse_customer").update();
        }

        assertProblem(responses.get("refused"), 503);
        assertThat(responses.get("ok-1").statusCode()).as(responses.get("ok-1").body()).isEqualTo(200);
        assertThat(responses.get("ok-2").statusCode()).as(responses.get("ok-2").body()).isEqualTo(200);
        assertThat(responses.get(HELD).statusCode()).isEqualTo(200);
        assertThat(storedDecisions()).isEqualTo(rowsBefore + 3);
        assertGapFree();
        assertChainVerifies();
    }

    @Test
    void batchAfterAPositionAnotherInstanceTookIsAppendedBehindItsRecord() throws Exception {
        decideOnce();
        long rowsBefore = storedDecisions();

        Map<String, HttpResponse<String>> responses = inOneBatch(Map.of("a", automatableChatRequest(),
                "b", automatableChatRequest()), this::appendAsAnotherInstance);

        assertThat(responses.values()).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(storedDecisions()).as("the other instance's record and ours").isEqualTo(rowsBefore + 4);
        assertThat(column(decisionId(responses.get(HELD)), "prev_hash")).isEqualTo(column(OTHER_INSTANCE_DECISION, "content_hash"));
        assertGapFree();
        assertChainVerifies();
    }

    // --- holding the writer ---

    /** The name under which {@link #inOneBatch} returns the answer to the request the writer was held with. */
    private static final String HELD = "held";

    private static final String OTHER_INSTANCE_DECISION = "01960000-0000-7000-8000-0000000000aa";

    private Map<String, HttpResponse<String>> inOneBatch(Map<String, ObjectNode> requests) throws Exception {
        return inOneBatch(requests, () -> { });
    }

    /**
     * Holds the trace writer at the start of the transaction for one request ({@link #HELD}), sends
     * {@code requests} concurrently, waits until all of their traces are queued behind it, runs {@code meanwhile},
     * then lets the writer go on: the queued traces form the next batch (a second trace with a request id already
     * in it waits for the batch after).
     *
     * @return the answers by the names of the requests, and the held request's under {@link #HELD}
     */
    private Map<String, HttpResponse<String>> inOneBatch(Map<String, ObjectNode> requests, Runnable meanwhile) throws Exception {
        WriterGate gate = new WriterGate();
        doAnswer(gate).when(transactions).execute(any());
        Future<HttpResponse<String>> held = callers.submit(() -> api.decide(automatableChatRequest()));
        gate.awaitHeld();
        Map<String, Future<HttpResponse<String>>> sent = new LinkedHashMap<>();
        requests.forEach((name, request) -> sent.put(name, callers.submit(() -> api.decide(request))));
        await().atMost(WAIT).until(() -> store.queuedTraces() == requests.size() || anyDone(sent));
        assertThat(store.queuedTraces()).as("every request's trace is queued behind the held one").isEqualTo(requests.size());
        try {
            meanwhile.run();
        } finally {
            gate.release();
        }
        Map<String, HttpResponse<String>> responses = new HashMap<>();
        responses.put(HELD, held.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (Map.Entry<String, Future<HttpResponse<String>>> request : sent.entrySet()) {
            responses.put(request.getKey(), request.getValue().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return responses;
    }

    private static boolean anyDone(Map<String, Future<HttpResponse<String>>> sent) {
        return sent.values().stream().anyMatch(Future::isDone);
    }

    /** Holds the trace writer's first transaction until released; other threads' transactions pass. */
    private static final class WriterGate implements Answer<Object> {

        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        @Override
        public Object answer(InvocationOnMock invocation) throws Throwable {
            if (Thread.currentThread().getName().equals("trace-writer") && held.getCount() > 0) {
                held.countDown();
                if (!released.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the trace writer");
                }
            }
            return invocation.callRealMethod();
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the writer started a transaction").isTrue();
        }

        void release() {
            released.countDown();
        }
    }

    /** Appends a record at the chain's next position directly, as another service instance on this database would. */
    private void appendAsAnotherInstance() {
        Map<String, Object> head = newestRecord();
        long chainSeq = ((Number) head.get("CHAIN_SEQ")).longValue() + 1;
        Instant decidedAt = Instant.parse("2026-11-21T10:00:00.123456Z");
        TraceRecord record = new TraceRecord(OTHER_INSTANCE_DECISION, null, "other-instance", "0".repeat(64), "c-other", "CHAT",
                "RETAIL", "AUTOMATE", "other", decidedAt, List.of(), "{}", "{}");
        String prevHash = (String) head.get("CONTENT_HASH");
        jdbc.sql("""
                INSERT INTO decision_trace (decision_id, request_id, client_name, request_hash, customer_id, channel, line_of_business,
                    outcome, policy_version, decided_at, response_json, trace_json, chain_seq, prev_hash, content_hash)
                VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.decisionId(), record.clientName(), record.requestHash(), record.customerId(), record.channel(),
                        record.lineOfBusiness(), record.outcome(), record.policyVersion(), decidedAt.atOffset(ZoneOffset.UTC),
                        record.responseJson(), record.traceJson(), chainSeq, prevHash,
                        TraceChain.contentHash(record, chainSeq, prevHash))
                .update();
    }

    // --- assertions and fixtures ---

    private void assertGapFree() {
        Map<String, Object> chain = jdbc.sql("SELECT MIN(chain_seq) AS first, MAX(chain_seq) AS last, COUNT(*) AS rows "
                + "FROM decision_trace").query().singleRow();
        long rows = ((Number) chain.get("ROWS")).longValue();
        assertThat(((Number) chain.get("LAST")).longValue() - ((Number) chain.get("FIRST")).longValue() + 1)
                .as("consecutive chain positions").isEqualTo(rows);
    }

    private void assertChainVerifies() {
        HttpResponse<String> response = api.get("/api/v1/traces/verify");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.path("checked").asLong()).isEqualTo(storedDecisions());
    }

    private Map<String, Object> newestRecord() {
        return jdbc.sql("SELECT chain_seq, content_hash FROM decision_trace ORDER BY chain_seq DESC FETCH FIRST 1 ROWS ONLY")
                .query().singleRow();
    }

    /** Makes a decision: afterwards the writer knows the chain's end without reading it from the database. */
    private void decideOnce() {
        decisionId(api.decide(automatableChatRequest()));
    }

    private static String decisionId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("decisionId").asString();
    }

    private long storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Long.class).single();
    }

    private long storedWithRequestId(String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace WHERE request_id = ?").param(requestId).query(Long.class).single();
    }

    private long storedAmong(Set<String> decisionIds) {
        Set<String> stored = new HashSet<>(jdbc.sql("SELECT decision_id FROM decision_trace").query(String.class).list());
        return decisionIds.stream().filter(stored::contains).count();
    }

    private String column(String decisionId, String column) {
        return jdbc.sql("SELECT " + column + " FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(String.class).single();
    }
}
