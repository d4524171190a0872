package dev.arbiter.trace;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withIntentConfidence;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.arbiter.security.Role;
import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole service with the {@code postgres} profile on a real PostgreSQL: the schema, decisions and their traces,
 * group commit under concurrency with the hash chain, idempotency, search and retention behave as on the embedded H2.
 * <p>
 * Needs {@code ARBITER_TEST_POSTGRES_URL} (a JDBC URL of a database the user may create schemas in), and
 * {@code ARBITER_TEST_POSTGRES_USER} / {@code ARBITER_TEST_POSTGRES_PASSWORD} unless the URL carries them; skipped
 * without the URL ({@code .ci/run} starts a throw-away PostgreSQL and sets them, so CI always runs it). Every run
 * creates a schema of its own ({@code arbiter_test_<time>_<random>}, the service's {@code currentSchema}) and drops it
 * afterwards. The connection settings reach the service through the profile's {@code ARBITER_DB_*} placeholders, so
 * the test also checks that {@code application-postgres.properties} wins over the test H2 URL of
 * {@code config/application.properties}. Runs in a context of its own, closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresProfileTest extends HttpServiceTest {

    private static final String URL_VARIABLE = "ARBITER_TEST_POSTGRES_URL";
    private static final String USER_VARIABLE = "ARBITER_TEST_POSTGRES_USER";
    private static final String PASSWORD_VARIABLE = "ARBITER_TEST_POSTGRES_PASSWORD";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String VERIFY = "/api/v1/traces/verify";
    private static final String CHANGELOG = "src/main/resources/db/changelog/db.changelog-master.yaml";

    private static final String SCHEMA = "arbiter_test_"
            + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
            + UUID.randomUUID().toString().substring(0, 8);

    private static final String SKIPPED = "PostgresProfileTest skipped: " + URL_VARIABLE + " is not set. It runs the "
            + "service on a real PostgreSQL (.ci/run starts a throw-away one). To run it yourself: " + URL_VARIABLE
            + "=jdbc:postgresql://localhost:5432/arbiter " + USER_VARIABLE + "=arbiter " + PASSWORD_VARIABLE
            + "=... ./mvnw -B test -Dtest=PostgresProfileTest (the user must be allowed to create schemas in that "
            + "database; each run creates and drops a schema of its own)";

    private static final Logger log = LoggerFactory.getLogger(PostgresProfileTest.class);

    private static boolean schemaCreated;

    @Autowired
    DataSource dataSource;

    /**
     * Skips the class before its Spring context starts when no PostgreSQL is configured. Surefire does not show the
     * reason of a class skipped in {@code @BeforeAll} (it reports 0 tests), so the reason is also logged.
     */
    @BeforeAll
    static void createAFreshSchema() throws SQLException {
        if (baseUrl() == null) {
            log.warn(SKIPPED);
        }
        Assumptions.assumeTrue(baseUrl() != null, SKIPPED);
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        schemaCreated = true;
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        if (!schemaCreated) {
            return;
        }
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    /** Feeds the postgres profile's placeholders, as ARBITER_DB_* in the environment would. */
    @DynamicPropertySource
    static void theProfilesDatabaseSettings(DynamicPropertyRegistry registry) {
        registry.add("ARBITER_DB_URL", PostgresProfileTest::schemaUrl);
        if (System.getenv(USER_VARIABLE) != null) {
            registry.add("ARBITER_DB_USER", () -> System.getenv(USER_VARIABLE));
        }
        if (System.getenv(PASSWORD_VARIABLE) != null) {
            registry.add("ARBITER_DB_PASSWORD", () -> System.getenv(PASSWORD_VARIABLE));
        }
    }

    @Test
    void serviceRunsOnPostgresqlInItsOwnSchemaNotOnTheTestH2Database() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getSchema()).isEqualTo(SCHEMA);
        }
    }

    @Test
    void liquibaseCreatesEveryTableAndAppliesEveryChangeSet() throws IOException {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()""")
                .query(String.class).list();
        List<String> applied = jdbc.sql("SELECT id FROM databasechangelog ORDER BY orderexecuted").query(String.class).list();

        assertThat(tables).contains("decision_trace", "decision_reason", "trace_chain_anchor", "automation_pause",
                "policy_version", "policy_activation", "admin_audit", "api_key", "databasechangelog");
        assertThat(applied).containsExactlyElementsOf(changeSetIds());
    }

    @Test
    void decisionIsAnsweredAndItsStoredAnswerAndTraceCanBeReadBack() {
        JsonNode decided = api.decided(withRequestId(designExampleRequest(), uniqueRequestId("pg-design")));
        String decisionId = decided.path("decisionId").asString();

        HttpResponse<String> fetched = api.get(Api.DECISIONS + "/" + decisionId);
        HttpResponse<String> trace = api.get(Api.DECISIONS + "/" + decisionId + "/trace");

        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        assertThat(json(fetched)).isEqualTo(decided);
        assertThat(trace.statusCode()).as(trace.body()).isEqualTo(200);
        assertThat(json(trace).path("decisionId").asString()).isEqualTo(decisionId);
        assertThat(json(trace).path("request").path("customer").path("id").asString()).isEqualTo("c-123");
        assertThat(reasonCodes(decisionId)).as("reason rows stored in order").isNotEmpty()
                .containsExactlyElementsOf(codes(decided.path("reasons")));
    }

    @Test
    void concurrentDecisionsAreAllAnsweredStoredAndFormOneVerifiableChain() throws Exception {
        Api concurrentClient = apiAs("pg-concurrent", Role.ADMIN);

        List<HttpResponse<String>> responses = sendConcurrently(concurrentClient, automatableChatRequest(), 200, 16);

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        Set<String> ids = new HashSet<>();
        responses.forEach(response -> ids.add(json(response).path("decisionId").asString()));
        assertThat(ids).hasSize(200);
        assertThat(jdbc.sql("SELECT decision_id FROM decision_trace WHERE client_name = 'pg-concurrent'")
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(ids);
        Map<String, Object> chain = jdbc.sql("SELECT MIN(chain_seq) AS first, MAX(chain_seq) AS last, COUNT(*) AS count "
                + "FROM decision_trace").query().singleRow();
        long rows = ((Number) chain.get("count")).longValue();
        assertThat(((Number) chain.get("last")).longValue() - ((Number) chain.get("first")).longValue() + 1)
                .as("consecutive chain positions").isEqualTo(rows);
        JsonNode report = verify();
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.path("checked").asLong()).isEqualTo(rows);
    }

    @Test
    void contentHashesCanBeRecomputedWithThePostgresqlQueryInTheDocs() throws IOException {
        decide(2);
        api.decided(withRequestId(designExampleRequest(), uniqueRequestId("pg-documented")));

        List<Map<String, Object>> rows = jdbc.sql(DocumentedQueries.contentHashQuery("PostgreSQL")).query().listOfRows();

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("recomputed"))
                .as("decision %s", row.get("decision_id")).isNotNull().isEqualTo(row.get("content_hash")));
    }

    @Test
    void repeatedRequestIdIsReplayedAndReusedForADifferentRequestIsA409Problem() {
        Api client = apiAs("pg-idempotency", Role.ADMIN);
        String requestId = uniqueRequestId("pg-repeat");
        ObjectNode request = withRequestId(automatableChatRequest(), requestId);

        HttpResponse<String> first = client.decide(request);
        HttpResponse<String> second = client.decide(request);
        HttpResponse<String> reused = client.decide(withIntentConfidence(request, 0.5));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(first.headers().firstValue(REPLAYED)).hasValue("false");
        assertThat(second.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(json(second)).as("the replay is the stored answer").isEqualTo(json(first));
        assertThat(assertProblem(reused, 409).path("detail").asString()).contains(requestId);
        assertThat(storedDecisionsFor("pg-idempotency", requestId)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithTheSameRequestIdGetOneDecision() throws Exception {
        Api client = apiAs("pg-race", Role.ADMIN);
        for (int round = 0; round < 5; round++) {
            String requestId = uniqueRequestId("pg-race");

            List<HttpResponse<String>> responses = sendConcurrently(client, withRequestId(automatableChatRequest(), requestId), 2, 2);

            assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
            assertThat(responses).extracting(response -> json(response).path("decisionId").asString())
                    .as("round %d", round).containsOnly(json(responses.get(0)).path("decisionId").asString());
            assertThat(responses).extracting(response -> response.headers().firstValue(REPLAYED).orElseThrow())
                    .as("exactly one of the two made the decision").containsExactlyInAnyOrder("false", "true");
            assertThat(storedDecisionsFor("pg-race", requestId)).isEqualTo(1);
        }
    }

    @Test
    void searchByClientAndReasonCodeFindsExactlyTheMatchingDecisions() {
        String clientName = "pg-search-" + UUID.randomUUID().toString().substring(0, 8);
        Api client = apiAs(clientName, Role.ADMIN);
        JsonNode withReasons = client.decided(withRequestId(designExampleRequest(), uniqueRequestId("pg-search")));
        JsonNode automated = client.decided(automatableChatRequest());
        String reasonCode = reasonCodes(withReasons.path("decisionId").asString()).get(0);

        JsonNode byClient = searched("clientName=" + clientName);
        JsonNode byClientAndReason = searched("clientName=" + clientName + "&reasonCode=" + reasonCode);

        assertThat(decisionIds(byClient)).as("newest first").containsExactly(automated.path("decisionId").asString(),
                withReasons.path("decisionId").asString());
        assertThat(decisionIds(byClientAndReason)).containsExactly(withReasons.path("decisionId").asString());
    }

    @Test
    void retentionPurgeRemovesTheOlderTracesAndTheRestStillVerifies() {
        List<String> expired = decide(3);
        List<String> kept = decide(2);
        OffsetDateTime firstKeptAt = decidedAt(kept.get(0));
        long lastExpiredSeq = chainSeq(expired.get(2));

        HttpResponse<String> response = api.post("/api/v1/traces/purge?before="
                + URLEncoder.encode(firstKeptAt.toString(), StandardCharsets.UTF_8), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("purgedThroughSeq").asLong()).isEqualTo(lastExpiredSeq);
        assertThat(storedOf(expired)).isEmpty();
        assertThat(storedOf(kept)).containsExactlyInAnyOrderElementsOf(kept);
        JsonNode report = verify();
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.path("anchor").path("purgedThroughSeq").asLong()).isEqualTo(lastExpiredSeq);
    }

    // --- fixtures ---

    private static String baseUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip();
    }

    /** @return the URL of the test database with this run's schema as the connections' current schema */
    private static String schemaUrl() {
        String url = baseUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    /** @return a connection of the test's own, outside the service, to create and drop the schema */
    private static Connection adminConnection() throws SQLException {
        Properties credentials = new Properties();
        if (System.getenv(USER_VARIABLE) != null) {
            credentials.setProperty("user", System.getenv(USER_VARIABLE));
        }
        if (System.getenv(PASSWORD_VARIABLE) != null) {
            credentials.setProperty("password", System.getenv(PASSWORD_VARIABLE));
        }
        return DriverManager.getConnection(baseUrl(), credentials);
    }

    /** @return the ids of the change sets in the master changelog, in order */
    private static List<String> changeSetIds() throws IOException {
        Matcher id = Pattern.compile("(?m)^\\s+id: (\\S+)\\s*$").matcher(Files.readString(Path.of(CHANGELOG)));
        List<String> ids = new ArrayList<>();
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    /** @return the answers to {@code request} sent {@code copies} times at once, from {@code threads} threads */
    private static List<HttpResponse<String>> sendConcurrently(Api client, JsonNode request, int copies, int threads)
            throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                sent.add(callers.submit(() -> {
                    start.await();
                    return client.decide(request);
                }));
            }
            start.countDown();
            return collect(sent);
        } finally {
            callers.shutdownNow();
        }
    }

    private static List<HttpResponse<String>> collect(List<Future<HttpResponse<String>>> sent) throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : sent) {
            responses.add(response.get(2, TimeUnit.MINUTES));
        }
        return responses;
    }

    /** @return the ids of {@code count} new decisions, in the order they were made */
    private List<String> decide(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.decided(automatableChatRequest()).path("decisionId").asString());
        }
        return ids;
    }

    private JsonNode verify() {
        HttpResponse<String> response = api.get(VERIFY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode searched(String query) {
        HttpResponse<String> response = api.get("/api/v1/traces?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> decisionIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("decisionId").asString()));
        return ids;
    }

    private static List<String> codes(JsonNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.path("code").asString()));
        return codes;
    }

    private List<String> reasonCodes(String decisionId) {
        return jdbc.sql("SELECT code FROM decision_reason WHERE decision_id = ? ORDER BY position").param(decisionId)
                .query(String.class).list();
    }

    private int storedDecisionsFor(String clientName, String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace WHERE client_name = ? AND request_id = ?")
                .params(clientName, requestId).query(Integer.class).single();
    }

    private List<String> storedOf(List<String> decisionIds) {
        return jdbc.sql("SELECT decision_id FROM decision_trace WHERE decision_id IN (:ids)").param("ids", decisionIds)
                .query(String.class).list();
    }

    private OffsetDateTime decidedAt(String decisionId) {
        return jdbc.sql("SELECT decided_at FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(OffsetDateTime.class).single();
    }

    private long chainSeq(String decisionId) {
        return jdbc.sql("SELECT chain_seq FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(Long.class).single();
    }
}
