package dev.arbiter.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import liquibase.integration.spring.SpringLiquibase;

/**
 * Trace search over a million stored decisions: creates an H2 file database under {@code target/}, applies the
 * service's Liquibase changelog, stores synthetic but realistic decisions with their reason codes, then times each
 * query shape through the real {@link TraceSearch} (its SQL, its reason-code query) and prints the plans. Not a
 * JMH benchmark — a database query is milliseconds, not nanoseconds — but compiled by the {@code bench} profile.
 * Run from the repository root (see docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B -Pbench test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx2g -cp %classpath dev.arbiter.trace.TraceSearchBenchmark"
 * </pre>
 *
 * Arguments (in exec.args after the class name): {@code --traces N} (default 1,000,000), {@code --runs N}
 * measured runs per shape (default 15), {@code --cache-mb N} the H2 page cache (default: H2's own, 64 MB per GB of
 * {@code -Xmx}), {@code --page-kb N} H2's page split size (default: H2's own, 16 KB; the service runs with 8),
 * {@code --rare-reason-rows N} as {@code arbiter.search.rare-reason-rows} (default 10,000; 0 never starts from the code),
 * {@code --regenerate} to rebuild a database left by an earlier run. Between runs it stores one more decision, as
 * live traffic does, so that no run is answered from H2's cache of the previous identical query's result.
 */
public final class TraceSearchBenchmark {

    private static final Path DIRECTORY = Path.of("target", "trace-search-bench");
    private static final String URL = "jdbc:h2:file:./" + DIRECTORY.resolve("arbiter") + ";DB_CLOSE_ON_EXIT=FALSE";
    /** Decision ids of the decisions stored while measuring, as live traffic would, and removed at the end. */
    private static final String LIVE_PREFIX = "live-";
    private static final Instant END = Instant.parse("2026-11-21T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(365);
    private static final int CUSTOMERS = 10_000;
    private static final int BATCH = 2_000;
    private static final int WARM_UP_RUNS = 3;
    private static final int PAGE = 50;

    private static final String[] CHANNELS = {"CHAT", "EMAIL", "VOICE", "WEB", "SMS", "SOCIAL"};
    private static final double[] CHANNEL_SHARES = {0.35, 0.20, 0.20, 0.12, 0.08, 0.05};
    private static final String[] LINES = {"RETAIL", "TELECOM", "BANKING", "HEALTHCARE", "INSURANCE"};
    private static final double[] LINE_SHARES = {0.40, 0.25, 0.20, 0.10, 0.05};
    private static final String[] OUTCOMES = {"AUTOMATE", "HUMAN_REVIEW", "ROUTE_TO_AGENT", "ESCALATE"};
    private static final double[] OUTCOME_SHARES = {0.55, 0.22, 0.18, 0.05};
    /** The outcome-deciding reason of each outcome, with its share among that outcome's decisions. */
    private static final String[][] REASONS = {
            {"AUTOMATION_APPROVED"},
            {"CONFIDENCE_BELOW_THRESHOLD", "SENSITIVE_INTENT", "UNKNOWN_INTENT", "MODEL_UNAVAILABLE", "OUT_OF_SCOPE",
                    "NO_POLICY_DECISION", "POLICY_ENGINE_ERROR"},
            {"CUSTOMER_REQUESTED_HUMAN", "CHURN_RISK_OPEN_TICKET", "AUTOMATION_PAUSED"},
            {"REPEATED_NEGATIVE_SENTIMENT", "HIGH_VALUE_FRUSTRATED", "LEGAL_THREAT", "PRIVACY_SENSITIVE"}};
    private static final double[][] REASON_SHARES = {
            {1.0},
            {0.45, 0.30, 0.10, 0.08, 0.05, 0.015, 0.005},
            {0.80, 0.15, 0.05},
            {0.50, 0.30, 0.15, 0.05}};
    /** Advisory and suppression reasons added after the deciding one, each with its chance. */
    private static final String[] EXTRA_REASONS = {"HIGH_CHURN_RISK", "NO_MARKETING_CONSENT", "CONTACT_CAP_REACHED",
            "OPEN_PRIORITY_TICKET", "NEGATIVE_CONTEXT"};
    private static final double[] EXTRA_CHANCES = {0.05, 0.10, 0.03, 0.06, 0.04};

    private final int traces;
    private final int runs;
    private final String url;
    private final SearchLimits limits;
    private int live;
    private final String[] versions;
    private final List<String> report = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();
    private JdbcClient jdbc;
    private TraceSearch search;

    private TraceSearchBenchmark(int traces, int runs, int cacheMegabytes, int pageKilobytes, SearchLimits limits) {
        this.traces = traces;
        this.runs = runs;
        this.limits = limits;
        this.url = URL + (cacheMegabytes > 0 ? ";CACHE_SIZE=" + cacheMegabytes * 1024 : "")
                + (pageKilobytes > 0 ? ";PAGE_SIZE=" + pageKilobytes * 1024 : "");
        this.versions = new String[] {sha("policy-2025-11"), sha("policy-2026-04"), sha("policy-2026-08")};
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        int traces = intArgument(arguments, "--traces", 1_000_000);
        int runs = intArgument(arguments, "--runs", 15);
        int cacheMegabytes = intArgument(arguments, "--cache-mb", 0);
        int pageKilobytes = intArgument(arguments, "--page-kb", 0);
        SearchLimits limits = new SearchLimits(null, null,
                intArgument(arguments, "--rare-reason-rows", SearchLimits.defaults().rareReasonRows()));
        new TraceSearchBenchmark(traces, runs, cacheMegabytes, pageKilobytes, limits).run(arguments.contains("--regenerate"));
    }

    private static int intArgument(List<String> arguments, String name, int otherwise) {
        int at = arguments.indexOf(name);
        return at < 0 ? otherwise : Integer.parseInt(arguments.get(at + 1).replace("_", ""));
    }

    private void run(boolean regenerate) throws Exception {
        Files.createDirectories(DIRECTORY);
        try (HikariDataSource dataSource = dataSource()) {
            jdbc = JdbcClient.create(dataSource);
            search = new TraceSearch(jdbc, limits);
            long stored = storedTraces(dataSource);
            if (regenerate || stored != traces) {
                dataSource.close();
                FileSystemUtils.deleteRecursively(DIRECTORY.resolve("arbiter.mv.db"));
                try (HikariDataSource fresh = dataSource()) {
                    jdbc = JdbcClient.create(fresh);
                    search = new TraceSearch(jdbc, limits);
                    migrate(fresh);
                    generate(fresh);
                    measure();
                }
            } else {
                System.out.printf(Locale.ROOT, "Reusing %,d stored decisions in %s%n", stored, DIRECTORY);
                measure();
            }
        }
        Files.write(DIRECTORY.resolve("results.md"), report, StandardCharsets.UTF_8);
        Files.write(DIRECTORY.resolve("plans.txt"), plans, StandardCharsets.UTF_8);
        System.out.println("\nWritten: " + DIRECTORY.resolve("results.md") + " and " + DIRECTORY.resolve("plans.txt"));
    }

    private HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static long storedTraces(DataSource dataSource) {
        try {
            return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM decision_trace").query(Long.class).single();
        } catch (RuntimeException noSchemaYet) {
            return -1;
        }
    }

    /** Applies the service's own changelog, as the service does at start-up. */
    private static void migrate(DataSource dataSource) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }

    // ---------------------------------------------------------------------------------------------- generation

    private void generate(DataSource dataSource) throws SQLException {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(20261121L);
        Instant first = END.minus(SPAN);
        double step = (double) SPAN.toNanos() / traces;
        long reasons = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement trace = connection.prepareStatement("""
                     INSERT INTO decision_trace (decision_id, request_id, request_hash, customer_id, channel,
                         line_of_business, outcome, policy_version, decided_at, response_json_utf8, trace_json_utf8,
                         chain_seq, content_hash, prev_hash)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement reason = connection.prepareStatement(
                     "INSERT INTO decision_reason (decision_id, position, code) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(false);
            String previousHash = null;
            for (int i = 0; i < traces; i++) {
                // Decisions arrive in time order, a little unevenly; whole-microsecond times as the column keeps them.
                Instant decidedAt = first.plusNanos((long) ((i + random.nextDouble()) * step) / 1_000 * 1_000);
                String decisionId = uuid7(decidedAt, random);
                String customerId = "c-" + String.format(Locale.ROOT, "%05d", customer(random));
                String channel = pick(CHANNELS, CHANNEL_SHARES, random);
                String line = pick(LINES, LINE_SHARES, random);
                int outcome = index(OUTCOME_SHARES, random);
                String version = versions[decidedAt.isBefore(first.plus(Duration.ofDays(146))) ? 0
                        : decidedAt.isBefore(first.plus(Duration.ofDays(274))) ? 1 : 2];
                List<String> codes = reasonCodes(outcome, random);
                String contentHash = hex(random, 32);
                trace.setString(1, decisionId);
                if (random.nextDouble() < 0.9) {
                    trace.setString(2, "req-" + i);
                } else {
                    trace.setNull(2, Types.VARCHAR);
                }
                trace.setString(3, hex(random, 32));
                trace.setString(4, customerId);
                trace.setString(5, channel);
                trace.setString(6, line);
                trace.setString(7, OUTCOMES[outcome]);
                trace.setString(8, version);
                trace.setObject(9, decidedAt.atOffset(ZoneOffset.UTC));
                trace.setBytes(10, utf8(responseJson(decisionId, decidedAt, OUTCOMES[outcome], codes, version)));
                trace.setBytes(11, utf8(traceJson(decisionId, customerId, channel, line, codes)));
                trace.setLong(12, i + 1L);
                trace.setString(13, contentHash);
                trace.setString(14, previousHash);
                trace.addBatch();
                previousHash = contentHash;
                for (int position = 0; position < codes.size(); position++) {
                    reason.setString(1, decisionId);
                    reason.setInt(2, position);
                    reason.setString(3, codes.get(position));
                    reason.addBatch();
                    reasons++;
                }
                if ((i + 1) % BATCH == 0 || i == traces - 1) {
                    trace.executeBatch();
                    reason.executeBatch();
                    connection.commit();
                }
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "  %,d decisions stored (%.0f s)%n", i + 1, seconds(start));
                }
            }
        }
        jdbc.sql("ANALYZE").update();
        long bytes = DIRECTORY.resolve("arbiter.mv.db").toFile().length();
        String line = String.format(Locale.ROOT, "Generated %,d decisions with %,d reason rows in %.0f s; database file %,d MB",
                traces, reasons, seconds(start), bytes / 1_000_000);
        System.out.println(line);
        report.add(line);
    }

    /** Customer 0 is the busiest; a few hundred customers make most of the contacts, as in real service desks. */
    private static int customer(SplittableRandom random) {
        double u = random.nextDouble();
        return (int) (CUSTOMERS * u * u * u);
    }

    private static List<String> reasonCodes(int outcome, SplittableRandom random) {
        List<String> codes = new ArrayList<>(3);
        codes.add(pick(REASONS[outcome], REASON_SHARES[outcome], random));
        for (int i = 0; i < EXTRA_REASONS.length; i++) {
            if (random.nextDouble() < EXTRA_CHANCES[i]) {
                codes.add(EXTRA_REASONS[i]);
            }
        }
        return codes;
    }

    private static String responseJson(String decisionId, Instant decidedAt, String outcome, List<String> codes, String version) {
        return "{\"decisionId\":\"" + decisionId + "\",\"decidedAt\":\"" + decidedAt + "\",\"outcome\":\"" + outcome
                + "\",\"route\":{\"queue\":\"general\",\"skill\":\"general\",\"priority\":3,\"modelTier\":\"LIGHT\"},"
                + "\"intent\":{\"label\":\"track_order\",\"confidence\":0.93,\"source\":\"MODEL\"},"
                + "\"sentiment\":{\"value\":0.1,\"source\":\"LEXICON\"},\"actions\":[],\"reasons\":["
                + codes.stream().map(code -> "{\"code\":\"" + code + "\",\"message\":\"The policy decided so.\"}")
                        .collect(Collectors.joining(","))
                + "],\"policyVersion\":\"" + version + "\"}";
    }

    private static String traceJson(String decisionId, String customerId, String channel, String line, List<String> codes) {
        return "{\"decisionId\":\"" + decisionId + "\",\"request\":{\"lineOfBusiness\":\"" + line
                + "\",\"customer\":{\"id\":\"" + customerId + "\",\"tier\":\"STANDARD\",\"timeZone\":\"Europe/Berlin\"},"
                + "\"interaction\":{\"channel\":\"" + channel + "\",\"message\":\"Where is my parcel? It was due on Monday.\"}},"
                + "\"features\":{\"localTime\":\"10:00\",\"quietHours\":false,\"negativePhrases\":[],\"openPriorityTickets\":0},"
                + "\"firings\":[" + codes.stream().map(code -> "{\"origin\":\"DRL\",\"rule\":\"" + code.toLowerCase(Locale.ROOT)
                        + "\",\"file\":\"rules/automation.drl\",\"line\":12,\"code\":\"" + code + "\"}")
                        .collect(Collectors.joining(","))
                + "],\"arbitration\":{\"winner\":\"" + codes.get(0) + "\"}}";
    }

    private static String uuid7(Instant at, SplittableRandom random) {
        long high = (at.toEpochMilli() << 16) | 0x7000L | random.nextInt(1 << 12);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String pick(String[] values, double[] shares, SplittableRandom random) {
        return values[index(shares, random)];
    }

    private static int index(double[] shares, SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // ----------------------------------------------------------------------------------------------- measuring

    /** A query shape: a name and, per run, the search to make (runs rotate through different values). */
    private record Shape(String name, IntFunction<TraceSearch.Query> query) {
    }

    private void measure() throws IOException {
        Instant first = END.minus(SPAN);
        String[] typicalCustomers = {"c-04211", "c-06620", "c-08015", "c-03307", "c-09540", "c-05129", "c-07777"};
        String[] codes = {"CONFIDENCE_BELOW_THRESHOLD", "SENSITIVE_INTENT", "MODEL_UNAVAILABLE", "LEGAL_THREAT",
                "POLICY_ENGINE_ERROR"};
        profile(typicalCustomers, codes);
        List<Shape> shapes = new ArrayList<>();
        shapes.add(shape("newest, no filter", run -> filter(null, null, null, null, null, null, null)));
        shapes.add(shape("by customer (typical)",
                run -> filter(typicalCustomers[run % typicalCustomers.length], null, null, null, null, null, null)));
        shapes.add(shape("by customer (the busiest)",
                run -> filter("c-00000", null, null, null, null, null, null)));
        for (String code : codes) {
            shapes.add(shape("by reason code " + code + " + 30 days", run -> {
                Instant from = first.plus(Duration.ofDays(20L + run * 23L % 300));
                return filter(null, code, null, null, from, from.plus(Duration.ofDays(30)), null);
            }));
        }
        shapes.add(shape("by reason code POLICY_ENGINE_ERROR, all time",
                run -> filter(null, "POLICY_ENGINE_ERROR", null, null, null, null, null)));
        shapes.add(shape("by outcome + channel", run -> filter(null, null, OUTCOMES[run % 4], CHANNELS[run % 6], null, null, null)));
        shapes.add(shape("by outcome ESCALATE + channel SOCIAL", run -> filter(null, null, "ESCALATE", "SOCIAL", null, null, null)));
        shapes.add(shape("by policy version", run -> filter(null, null, null, null, null, null, versions[run % 3])));
        shapes.add(shape("by time range (1 day)", run -> {
            Instant from = first.plus(Duration.ofDays(1L + run * 17L % 360));
            return filter(null, null, null, null, from, from.plus(Duration.ofDays(1)), null);
        }));
        shapes.add(shape("combined: customer + outcome + 90 days", run -> {
            Instant from = first.plus(Duration.ofDays(200));
            return filter(typicalCustomers[run % typicalCustomers.length], null, "AUTOMATE", null, from,
                    from.plus(Duration.ofDays(90)), null);
        }));
        shapes.add(shape("combined: reason + outcome + channel + version + 60 days", run -> {
            Instant from = first.plus(Duration.ofDays(150L + run % 5 * 10));
            return filter(null, "SENSITIVE_INTENT", "HUMAN_REVIEW", CHANNELS[run % 6], from, from.plus(Duration.ofDays(60)),
                    versions[1]);
        }));
        shapes.add(shape("combined, no match: outcome ESCALATE + SOCIAL + reason AUTOMATION_APPROVED",
                run -> filter(null, "AUTOMATION_APPROVED", "ESCALATE", "SOCIAL", null, null, null)));
        int half = traces / 2;
        TraceCursor deep = cursorAt(filter(null, null, null, null, null, null, null), half);
        shapes.add(new Shape(String.format(Locale.ROOT, "deep page: after %,d decisions, no filter", half),
                run -> new TraceSearch.Query(TraceFilter.ALL, deep, PAGE)));
        TraceFilter automated = filter(null, null, "AUTOMATE", null, null, null, null).filter();
        int fifth = traces / 5;
        TraceCursor deepAutomated = cursorAt(new TraceSearch.Query(automated, null, PAGE), fifth);
        shapes.add(new Shape(String.format(Locale.ROOT, "deep page: after %,d AUTOMATE decisions", fifth),
                run -> new TraceSearch.Query(automated, deepAutomated, PAGE)));

        report.add("");
        report.add(String.format(Locale.ROOT, "%d warm-up and %d measured runs per shape, page size %d, rare-reason-rows %d; "
                + "times in ms.", WARM_UP_RUNS, runs, PAGE, limits.rareReasonRows()));
        report.add("");
        report.add("| query shape | rows | first run | median | max | index walked |");
        report.add("|---|---|---|---|---|---|");
        for (Shape shape : shapes) {
            time(shape);
        }
        exportTimes();
        int removed = jdbc.sql("DELETE FROM decision_reason WHERE decision_id LIKE ?").param(LIVE_PREFIX + "%").update();
        jdbc.sql("DELETE FROM decision_trace WHERE decision_id LIKE ?").param(LIVE_PREFIX + "%").update();
        report.add("");
        report.add(String.format(Locale.ROOT, "(%d decisions were stored between runs, as live traffic, and removed after.)",
                removed));
        report.forEach(System.out::println);
    }

    /** Reports how the generated data is spread over the values the shapes search for. */
    private void profile(String[] customers, String[] codes) {
        List<String> counts = new ArrayList<>();
        counts.add("c-00000 (busiest customer): " + count("SELECT COUNT(*) FROM decision_trace WHERE customer_id = ?", "c-00000"));
        for (String customer : customers) {
            counts.add(customer + ": " + count("SELECT COUNT(*) FROM decision_trace WHERE customer_id = ?", customer));
        }
        for (String code : codes) {
            counts.add(code + ": " + count("SELECT COUNT(*) FROM decision_reason WHERE code = ?", code));
        }
        for (String outcome : OUTCOMES) {
            counts.add(outcome + ": " + count("SELECT COUNT(*) FROM decision_trace WHERE outcome = ?", outcome));
        }
        report.add("Decisions per value searched for: " + String.join(", ", counts) + ".");
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param(value).query(Long.class).single();
    }

    /** Stores one more decision, the newest, as the service does all day; this also ends H2's reuse of results. */
    private void storeLiveDecision() {
        live++;
        Instant now = END.plusSeconds(live);
        String id = LIVE_PREFIX + live;
        jdbc.sql("""
                INSERT INTO decision_trace (decision_id, request_id, request_hash, customer_id, channel, line_of_business,
                    outcome, policy_version, decided_at, response_json_utf8, trace_json_utf8)
                VALUES (?, NULL, ?, ?, 'CHAT', 'RETAIL', 'AUTOMATE', ?, ?, ?, ?)""")
                .params(id, sha(id), "c-live", versions[2], now.atOffset(ZoneOffset.UTC), utf8("{}"), utf8("{}")).update();
        jdbc.sql("INSERT INTO decision_reason (decision_id, position, code) VALUES (?, 0, 'AUTOMATION_APPROVED')")
                .param(id).update();
    }

    /** @return the JSON as the service stores it (UTF-8 bytes, since changeSet 11) */
    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static Shape shape(String name, IntFunction<TraceSearch.Query> query) {
        return new Shape(name, query);
    }

    private static TraceSearch.Query filter(String customerId, String reasonCode, String outcome, String channel,
                                            Instant from, Instant to, String policyVersion) {
        return new TraceSearch.Query(new TraceFilter(customerId, reasonCode, outcome, channel, from, to, policyVersion),
                null, PAGE);
    }

    /** @return the cursor a client holds after paging through {@code skipped} decisions (read directly, once) */
    private TraceCursor cursorAt(TraceSearch.Query query, int skipped) {
        TraceSearch.Statement statement = TraceSearch.pageStatement(search.plan(query.filter()), null, skipped);
        List<TraceCursor> keys = new ArrayList<>();
        jdbc.sql(statement.sql()).params(statement.parameters()).query(rs -> {
            if (rs.getRow() == skipped) {
                keys.add(new TraceCursor(rs.getObject("decided_at", OffsetDateTime.class).toInstant(), rs.getString("decision_id")));
            }
        });
        return keys.get(0);
    }

    private void time(Shape shape) {
        long first = 0;
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            storeLiveDecision();
            long start = System.nanoTime();
            execute(shape.query().apply(run));
            first = run == 0 ? System.nanoTime() - start : first;
        }
        long[] nanos = new long[runs];
        int rows = 0;
        for (int run = 0; run < runs; run++) {
            TraceSearch.Query query = shape.query().apply(run);
            storeLiveDecision();
            long start = System.nanoTime();
            rows = execute(query);
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String plan = plan(shape.query().apply(0));
        report.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s |", shape.name(), rows, first / 1e6,
                nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6, indexesIn(plan)));
    }

    private int execute(TraceSearch.Query query) {
        return search.page(query.filter(), query.after(), query.size()).items().size();
    }

    private String plan(TraceSearch.Query query) {
        TraceSearch.Statement statement = TraceSearch.pageStatement(search.plan(query.filter()), query.after(),
                query.size() + 1);
        String plan = jdbc.sql("EXPLAIN " + statement.sql()).params(statement.parameters()).query(String.class).single();
        plans.add("-- " + statement.sql());
        plans.add(plan);
        plans.add("");
        return plan;
    }

    /** @return the indexes an H2 plan uses, e.g. {@code IX_DECISION_TRACE_OUTCOME, PK_DECISION_REASON} */
    private static String indexesIn(String plan) {
        java.util.Set<String> indexes = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("/\\* PUBLIC\\.([A-Z_0-9]+)").matcher(plan);
        while (matcher.find()) {
            indexes.add(matcher.group(1));
        }
        String sorted = plan.contains("/* index sorted") ? "" : " + sort";
        return String.join(", ", indexes).toLowerCase(Locale.ROOT) + sorted;
    }

    /** A full export of 30 days (counted first against the cap, then streamed as CSV to nowhere). */
    private void exportTimes() throws IOException {
        Instant from = END.minus(Duration.ofDays(30));
        TraceFilter month = new TraceFilter(null, null, null, null, from, END, null);
        long[] nanos = new long[Math.max(3, runs / 3)];
        long rows = 0;
        long counted = 0;
        long first = 0;
        for (int run = -1; run < nanos.length; run++) {
            storeLiveDecision();
            long start = System.nanoTime();
            counted = search.countUpTo(month, 100_001);
            try (Writer sink = Writer.nullWriter()) {
                rows = search.export(month, 100_000, TraceSearch.MAX_SIZE, batch -> {
                    for (TraceSummary summary : batch) {
                        TraceCsv.writeRow(sink, summary);
                    }
                });
            }
            if (run >= 0) {
                nanos[run] = System.nanoTime() - start;
            } else {
                first = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        report.add(String.format(Locale.ROOT, "| export: last 30 days as CSV (count against the cap, then %d pages of %d) "
                        + "| %d | %.0f | %.0f | %.0f | ix_decision_trace_decided_at |",
                (rows + TraceSearch.MAX_SIZE - 1) / TraceSearch.MAX_SIZE, TraceSearch.MAX_SIZE, rows, first / 1e6,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6));
        if (counted != rows) {
            report.add("(counted " + counted + ")");
        }
    }
}
