package dev.arbiter.trace;

import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.arbiter.ArbiterApplication;
import dev.arbiter.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * An answered decision survives a crash of the service: the real service runs as a child process on a database file
 * of its own, several clients decide through it, and it is killed with SIGKILL while decisions are in flight; after
 * a restart on the same database every decision that was answered 200 is stored and the chain verifies. Three kill
 * cycles. The database URL carries the options the service ships with ({@code spring.datasource.url} in the main
 * application.properties), so this checks the shipped durability setting.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);

    private static final int CYCLES = 3;
    private static final int CLIENTS = 4;
    /** Answered decisions per cycle after which the service is killed (or after {@link #LOAD_TIME}). */
    private static final int ANSWERS_BEFORE_KILL = 150;
    private static final Duration LOAD_TIME = Duration.ofSeconds(30);
    private static final Duration START_TIME = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String DECISION_BODY = Api.JSON.writeValueAsString(automatableChatRequest());

    @TempDir
    Path directory;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAnsweredDecisionIsStoredAfterTheServiceIsKilledWhileDeciding() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Service service = start(cycle);
            assertChainVerifies(service, answered.size());
            Load load = decideUntilKilled(service, answered);
            log.info("Crash cycle {}: {} decisions answered, {} requests in flight at the kill, {} answered in all",
                    cycle, load.answered(), load.inFlightAtKill(), answered.size());
            assertThat(load.answered()).as("cycle %d answered decisions before the kill", cycle).isPositive();
        }

        Service last = start(CYCLES + 1);
        assertChainVerifies(last, answered.size());
        last.stop();

        Set<String> stored = storedDecisionIds();
        assertThat(answered).as("every decision answered 200 is stored").allSatisfy(id -> assertThat(stored).contains(id));
    }

    // --- the service as a child process ---

    /** A running child service: where it listens and its log. */
    private record Service(Process process, int port, Path logFile) {

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(logFile);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    private Service start(int run) throws IOException {
        int port = freePort();
        Path logFile = directory.resolve("service-" + run + ".log");
        Path repository = Path.of("").toAbsolutePath();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ArbiterApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl(),
                "--arbiter.security.initial-keys-file=" + keysFile(),
                "--arbiter.api.warm-up-decisions=20",
                "--arbiter.security.rate-limit.requests-per-second=0",
                "--arbiter.retention.cron=-",
                "--arbiter.policy.rules-dir=" + repository.resolve("rules"),
                "--arbiter.policy.dmn-dir=" + repository.resolve("dmn-models"),
                "--arbiter.policy.scenario-dir=" + repository.resolve("policy-tests"),
                "--arbiter.models.dir=" + repository.resolve("models"));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        started.add(process);
        Service service = new Service(process, port, logFile);
        HttpClient http = HttpClient.newHttpClient();
        try {
            await("service " + run + " ready").atMost(START_TIME).pollInterval(Duration.ofMillis(250))
                    .failFast("the service process ended", () -> !process.isAlive())
                    .until(() -> isReady(http, port));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("service " + run + " did not become ready; its log ends:\n" + service.logTail(), e);
        }
        return service;
    }

    private static boolean isReady(HttpClient http, int port) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health/readiness")).timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** @return the database in the test's directory, with the options the service ships with */
    private String databaseUrl() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = ArbiterApplication.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        String url = shipped.getProperty("spring.datasource.url");
        int options = url.indexOf(';');
        return "jdbc:h2:file:" + directory.resolve("db") + (options < 0 ? "" : url.substring(options));
    }

    private Path keysFile() {
        return directory.resolve("keys.txt");
    }

    /** @return the first-start key of {@code role} (the file is written once, on the first start) */
    private String key(String role) throws IOException {
        return Files.readAllLines(keysFile()).stream()
                .filter(line -> line.startsWith(role + "="))
                .map(line -> line.substring(role.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + role + " key in " + keysFile()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- load and kill ---

    private record Load(int answered, int inFlightAtKill) {
    }

    /**
     * Decides from {@link #CLIENTS} threads until {@link #ANSWERS_BEFORE_KILL} decisions were answered (or
     * {@link #LOAD_TIME} passed), then kills the service with SIGKILL while the clients go on sending.
     */
    private Load decideUntilKilled(Service service, Set<String> answered) throws Exception {
        String key = key("DECISION_CLIENT");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger answeredNow = new AtomicInteger();
        CountDownLatch enoughAnswers = new CountDownLatch(ANSWERS_BEFORE_KILL);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    int other = 0;
                    while (true) {
                        HttpResponse<String> response;
                        inFlight.incrementAndGet();
                        try {
                            response = http.send(decision(service.port(), key), HttpResponse.BodyHandlers.ofString());
                        } catch (IOException killed) {
                            return other;
                        } finally {
                            inFlight.decrementAndGet();
                        }
                        if (response.statusCode() == 200) {
                            answered.add(Api.JSON.readTree(response.body()).path("decisionId").asString());
                            answeredNow.incrementAndGet();
                            enoughAnswers.countDown();
                        } else {
                            other++;
                        }
                    }
                }));
            }
            enoughAnswers.await(LOAD_TIME.toSeconds(), TimeUnit.SECONDS);
            int inFlightAtKill = inFlight.get();
            service.process().destroyForcibly();
            assertThat(service.process().waitFor(30, TimeUnit.SECONDS)).as("the service died").isTrue();
            for (Future<Integer> client : running) {
                assertThat(client.get(REQUEST_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS))
                        .as("answers other than 200 before the kill; log:\n%s", service.logTail()).isZero();
            }
            return new Load(answeredNow.get(), inFlightAtKill);
        } finally {
            clients.shutdownNow();
        }
    }

    private static HttpRequest decision(int port, String key) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + Api.DECISIONS)).timeout(REQUEST_TIMEOUT)
                .header(Api.API_KEY_HEADER, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DECISION_BODY)).build();
    }

    // --- checks ---

    private void assertChainVerifies(Service service, int answeredSoFar) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + service.port() + "/api/v1/traces/verify"))
                .header(Api.API_KEY_HEADER, key("COMPLIANCE_REVIEWER")).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Api.JSON.readTree(response.body());
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.path("checked").asLong()).as("stored: the answered ones and maybe some unanswered in flight")
                .isGreaterThanOrEqualTo(answeredSoFar);
    }

    /** @return the ids of the stored decisions, read from the database file while no service runs */
    private Set<String> storedDecisionIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("db"), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT decision_id FROM decision_trace")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
