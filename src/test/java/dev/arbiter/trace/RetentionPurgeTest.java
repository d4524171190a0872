package dev.arbiter.trace;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.convention.TestBean;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * Traces older than the retention period are purged, by the schedule or on request, and the chain still verifies
 * afterwards. The service clock is moved forward instead of waiting; every test starts far after the previous
 * one, so what earlier tests left behind has always expired. Runs in a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arbiter.test.context=retention", "arbiter.retention.days=365"})
@DirtiesContext
class RetentionPurgeTest extends HttpServiceTest {

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static final Duration PAST_RETENTION = Duration.ofDays(400);

    @TestBean(name = "clock", methodName = "movableClock")
    Clock clock;

    @Autowired
    RetentionSchedule schedule;

    static Clock movableClock() {
        return CLOCK;
    }

    @BeforeEach
    void startLongAfterTheTracesOfEarlierTests() {
        CLOCK.advance(Duration.ofDays(1000));
    }

    @Test
    void purgeRemovesTracesOlderThanTheRetentionPeriodAndTheRestStillVerifies() {
        List<String> expired = decide(3);
        String lastExpiredHash = column(expired.get(2), "content_hash");
        long lastExpiredSeq = chainSeq(expired.get(2));
        CLOCK.advance(PAST_RETENTION);
        List<String> kept = decide(2);

        JsonNode purged = purged(client("auditor-1"), "/api/v1/traces/purge");

        assertThat(purged.path("purgedThroughSeq").asLong()).isEqualTo(lastExpiredSeq);
        assertThat(purged.path("anchorHash").asString()).isEqualTo(lastExpiredHash);
        assertThat(stored(expired)).isEmpty();
        assertThat(reasonRows(expired)).isZero();
        assertThat(stored(kept)).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(storedDecisions()).isEqualTo(kept.size());
        assertVerifies(kept.size());
        assertThat(newestAnchor()).containsEntry("PURGED_THROUGH_SEQ", lastExpiredSeq)
                .containsEntry("ANCHOR_HASH", lastExpiredHash).containsEntry("PURGED_BY", "auditor-1");
        assertThat(newestPurgeAudit()).containsEntry("ACTOR", "auditor-1");
        assertThat((String) newestPurgeAudit().get("DETAILS")).contains("\"purgedThroughSeq\":" + lastExpiredSeq,
                "\"retentionDays\":365");
    }

    @Test
    void purgeBeforeAGivenInstantKeepsTracesDecidedFromThenOn() {
        List<String> earlier = decide(2);
        CLOCK.advance(Duration.ofMinutes(1));
        Instant before = CLOCK.instant();
        List<String> later = decide(2);

        JsonNode purged = purged("/api/v1/traces/purge?before=" + before);

        assertThat(purged.path("before").asString()).isEqualTo(before.toString());
        assertThat(newestPurgeAudit()).as("the audit entry's target is the purged range")
                .containsEntry("TARGET", "decisions before " + before);
        assertThat(stored(earlier)).isEmpty();
        assertThat(stored(later)).containsExactlyInAnyOrderElementsOf(later);
        assertVerifies(later.size());
    }

    @Test
    void decisionsAfterPurgingEverythingContinueTheChainFromTheAnchor() {
        String last = decide(2).get(1);
        String lastHash = column(last, "content_hash");
        CLOCK.advance(Duration.ofSeconds(1));
        purged("/api/v1/traces/purge?before=" + CLOCK.instant());
        assertThat(storedDecisions()).isZero();
        assertVerifies(0);

        String next = decide(1).get(0);

        assertThat(column(next, "prev_hash")).isEqualTo(lastHash);
        assertVerifies(1);
    }

    @Test
    void purgeIsRefusedAndRemovesNothingWhenTheTracesToPurgeDoNotVerify() {
        String tampered = decide(2).get(0);
        CLOCK.advance(PAST_RETENTION);
        long before = storedDecisions();
        String outcome = column(tampered, "outcome");
        jdbc.sql("UPDATE decision_trace SET outcome = 'AUTOMATE' WHERE decision_id = ?").param(tampered).update();
        HttpResponse<String> refused;
        try {
            refused = api.post("/api/v1/traces/purge", null);
        } finally {
            jdbc.sql("UPDATE decision_trace SET outcome = ? WHERE decision_id = ?").params(outcome, tampered).update();
        }

        JsonNode problem = assertProblem(refused, 409);
        assertThat(problem.path("type").asString()).endsWith("/chain-broken");
        assertThat(problem.path("report").path("firstBroken").path("decisionId").asString()).isEqualTo(tampered);
        assertThat(storedDecisions()).isEqualTo(before);
    }

    @Test
    void scheduledPurgeRemovesExpiredTracesAndIsAudited() {
        List<String> expired = decide(1);
        CLOCK.advance(PAST_RETENTION);

        schedule.purgeExpiredTraces();

        assertThat(stored(expired)).isEmpty();
        assertThat(newestPurgeAudit()).containsEntry("ACTOR", RetentionSchedule.ACTOR)
                .containsEntry("TARGET", "decisions before " + CLOCK.instant().minus(Duration.ofDays(365)));
        assertVerifies(0);
    }

    @Test
    void beforeThatIsNotAnInstantOrInTheFutureIsA400ProblemNamingIt() {
        HttpResponse<String> malformed = api.post("/api/v1/traces/purge?before=yesterday", null);
        HttpResponse<String> future = api.post("/api/v1/traces/purge?before=" + CLOCK.instant().plusSeconds(60), null);

        assertThat(errorFields(assertProblem(malformed, 400))).containsExactly("before");
        assertThat(errorFields(assertProblem(future, 400))).containsExactly("before");
    }

    @Test
    void unknownRepeatedAndEmptyPurgeParametersAre400sThatPurgeNothing() {
        List<String> expired = decide(2);
        CLOCK.advance(PAST_RETENTION);
        String now = CLOCK.instant().toString();

        JsonNode repeated = assertProblem(api.post("/api/v1/traces/purge?before=" + now + "&before=" + now, null), 400);
        JsonNode by = assertProblem(api.post("/api/v1/traces/purge?by=x", null), 400);
        JsonNode bogus = assertProblem(api.post("/api/v1/traces/purge?bogus=1", null), 400);
        JsonNode empty = assertProblem(api.post("/api/v1/traces/purge?before=", null), 400);

        assertThat(errorFields(repeated)).containsExactly("before");
        assertThat(repeated.path("errors").get(0).path("message").asString()).isEqualTo("must be given once");
        assertThat(errorFields(by)).containsExactly("by");
        assertThat(by.path("errors").get(0).path("message").asString()).contains("client name of the API key");
        assertThat(errorFields(bogus)).containsExactly("bogus");
        assertThat(errorFields(empty)).containsExactly("before");
        assertThat(stored(expired)).as("nothing purged").hasSize(2);
    }

    // --- fixtures ---

    /** @return the ids of {@code count} new decisions with reasons, decided at the clock's current time */
    private List<String> decide(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.decided(withRequestId(designExampleRequest(), uniqueRequestId("retention"))).path("decisionId").asString());
        }
        return ids;
    }

    private JsonNode purged(String path) {
        return purged(api, path);
    }

    private static JsonNode purged(Api caller, String path) {
        HttpResponse<String> response = caller.post(path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void assertVerifies(long records) {
        JsonNode report = json(api.get("/api/v1/traces/verify"));
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.path("checked").asLong()).isEqualTo(records);
        assertThat(report.path("anchor").isObject()).as("verification starts from the purge anchor").isTrue();
    }

    private List<String> stored(List<String> decisionIds) {
        return jdbc.sql("SELECT decision_id FROM decision_trace WHERE decision_id IN (:ids)").param("ids", decisionIds)
                .query(String.class).list();
    }

    private long reasonRows(List<String> decisionIds) {
        return jdbc.sql("SELECT COUNT(*) FROM decision_reason WHERE decision_id IN (:ids)").param("ids", decisionIds)
                .query(Long.class).single();
    }

    private long storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Long.class).single();
    }

    private String column(String decisionId, String column) {
        return jdbc.sql("SELECT " + column + " FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(String.class).single();
    }

    private long chainSeq(String decisionId) {
        return jdbc.sql("SELECT chain_seq FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(Long.class).single();
    }

    private Map<String, Object> newestAnchor() {
        return jdbc.sql("SELECT * FROM trace_chain_anchor ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").query().singleRow();
    }

    private Map<String, Object> newestPurgeAudit() {
        return jdbc.sql("SELECT * FROM admin_audit WHERE action = 'TRACE_PURGE' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query().singleRow();
    }

    /** A clock the test moves forward; the service reads it as its only time source. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
