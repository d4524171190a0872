package dev.arbiter.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.ArbiterApplication;
import dev.arbiter.decision.DecisionPipeline;
import dev.arbiter.decision.DecisionRequest;
import dev.arbiter.support.DecisionRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions per second through {@link DecisionPipeline} (evaluation, redaction, trace committed) from several
 * threads at once, on a fresh H2 file database under {@code target/} unless another database is given: what the trace
 * store's commits let through.
 * Not a JMH benchmark (a decision with its commit is a millisecond-scale operation measured as throughput over
 * seconds), but compiled by the {@code bench} profile. Run from the repository root:
 *
 * <pre>
 * ./mvnw -B -Pbench test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.arbiter.trace.DecisionThroughputBenchmark --threads 8 --seconds 20"
 * </pre>
 *
 * Arguments: {@code --threads N} (default 8), {@code --warm-up SECONDS} (default 10), {@code --seconds N} measured
 * (default 20), {@code --db-options ";A=B..."} H2 URL options (default: those of the shipped
 * {@code spring.datasource.url}), {@code --store-only} to save copies of one decision's trace record through
 * {@link TraceStore} without evaluating (the store's own throughput); any {@code --name=value} is passed to the
 * service, e.g. {@code --arbiter.traces.persist=false}.
 * <p>
 * Another database: give {@code --spring.datasource.url=...} (with {@code --spring.datasource.username=...} and
 * {@code --spring.datasource.password=...}), or {@code --spring.profiles.active=postgres} with the
 * {@code ARBITER_DB_*} environment variables; the H2 database is then not created and {@code --db-options} is
 * ignored. Use an empty database or schema per run (e.g. {@code ?currentSchema=bench1} after creating that schema):
 * Liquibase creates the tables, and the chain of an earlier run would be continued. On PostgreSQL, pass
 * {@code --spring.profiles.active=postgres} as well so that the profile's settings apply, as in production:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) dev.arbiter.trace.DecisionThroughputBenchmark \
 *     --threads 64 --seconds 15 --store-only --spring.profiles.active=postgres \
 *     --spring.datasource.url='jdbc:postgresql://localhost:5432/arbiter?currentSchema=bench1' \
 *     --spring.datasource.username=arbiter --spring.datasource.password=...
 * </pre>
 */
public final class DecisionThroughputBenchmark {

    private DecisionThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = intArg(args, "--threads", 8);
        int warmUpSeconds = intArg(args, "--warm-up", 10);
        int seconds = intArg(args, "--seconds", 20);
        String dbOptions = stringArg(args, "--db-options", null);
        boolean storeOnly = List.of(args).contains("--store-only");
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            }
        }
        Path database = Path.of("target", "throughput-bench", UUID.randomUUID().toString(), "arbiter").toAbsolutePath();
        boolean ownDatabase = settings.stream().noneMatch(setting -> setting.startsWith("--spring.datasource.url=")
                || setting.startsWith("--spring.profiles.active="));
        if (ownDatabase) {
            settings.add("--spring.datasource.url=jdbc:h2:file:" + database
                    + (dbOptions != null ? dbOptions : shippedUrlOptions()));
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ArbiterApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=WARN", "arbiter.retention.cron=-", "server.port=0",
                        "arbiter.security.initial-keys-file=" + database.resolveSibling("initial-api-keys.txt"))
                .run(settings.toArray(String[]::new))) {
            String databaseName = ownDatabase ? database.toString() : jdbcUrl(service);
            DecisionPipeline pipeline = service.getBean(DecisionPipeline.class);
            TraceStore store = service.getBean(TraceStore.class);
            DecisionRequest request = service.getBean(JsonMapper.class)
                    .treeToValue(DecisionRequests.automatableChatRequest(), DecisionRequest.class);
            Runnable decision = storeOnly ? storeOnly(pipeline, store, request) : () -> pipeline.decide(request, "benchmark");
            Result warmUp = run(decision, store, threads, warmUpSeconds);
            Result measured = run(decision, store, threads, seconds);
            System.out.printf(Locale.ROOT, "warm-up:  %,.0f decisions/s%n", warmUp.perSecond());
            System.out.printf(Locale.ROOT, "measured: %,.0f decisions/s with %d threads over %d s (%,d decisions, "
                            + "%,d commits, %.1f decisions per commit); database %s%n", measured.perSecond(), threads,
                    seconds, measured.decisions(), measured.commits(),
                    measured.commits() == 0 ? 0.0 : (double) measured.decisions() / measured.commits(), databaseName);
        }
    }

    private record Result(long decisions, long commits, double nanos) {

        double perSecond() {
            return decisions / (nanos / 1e9);
        }
    }

    /**
     * @return an action that stores a copy of one real decision's record under a new decision id: the trace store
     * alone, without evaluating
     */
    private static Runnable storeOnly(DecisionPipeline pipeline, TraceStore store, DecisionRequest request) {
        String decisionId = pipeline.decide(request, "benchmark").response().decisionId();
        StoredDecision stored = store.findById(decisionId).orElseThrow();
        Instant decidedAt = Instant.now();
        return () -> store.save(new TraceRecord(UUID.randomUUID().toString(), null, "benchmark", stored.requestHash(),
                "c-auto", "CHAT", "RETAIL", "AUTOMATE", "bench", decidedAt, List.of("AUTOMATION_APPROVED"),
                stored.responseJson(), stored.traceJson()));
    }

    private static Result run(Runnable decision, TraceStore store, int threads, int seconds) throws InterruptedException {
        LongAdder decisions = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (running.get()) {
                    decision.run();
                    decisions.increment();
                }
            }, "caller-" + t);
            caller.start();
            callers.add(caller);
        }
        long commitsBefore = store.commits();
        long began = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        long counted = decisions.sum();
        long elapsed = System.nanoTime() - began;
        long commits = store.commits() - commitsBefore;
        running.set(false);
        for (Thread caller : callers) {
            caller.join();
        }
        return new Result(counted, commits, elapsed);
    }

    /** @return the URL the service's connections use, as the driver reports it */
    private static String jdbcUrl(ConfigurableApplicationContext service) throws SQLException {
        try (Connection connection = service.getBean(DataSource.class).getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    private static String shippedUrlOptions() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = ArbiterApplication.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        String url = shipped.getProperty("spring.datasource.url");
        return url.indexOf(';') < 0 ? "" : url.substring(url.indexOf(';'));
    }

    private static int intArg(String[] args, String name, int defaultValue) {
        String value = stringArg(args, name, null);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    private static String stringArg(String[] args, String name, String defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
