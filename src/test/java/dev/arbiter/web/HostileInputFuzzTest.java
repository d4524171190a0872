package dev.arbiter.web;

import static dev.arbiter.support.Api.DECISIONS;
import static dev.arbiter.support.Api.PROBLEM_JSON;
import static dev.arbiter.support.Api.contentType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.Api;
import dev.arbiter.support.DecisionRequests;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ten thousand hostile payloads against {@code POST /api/v1/decisions} over real HTTP (see {@link HostilePayloads}
 * for what they are): no answer is a 5xx, every rejection is a problem document without internals, only decided
 * requests leave a trace (which can be read back), and afterwards the service decides as before and is ready.
 *
 * <p>Deterministic from a seed: {@code -Darbiter.fuzz.seed=<n>} picks another storm (default {@value #DEFAULT_SEED}),
 * {@code -Darbiter.fuzz.payloads=<n>} its size, and {@code -Darbiter.fuzz.only=<i>,<j>} replays single payloads of
 * a failure message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The per-client quota is off: the storm is about the decision endpoint, not about the limiter in front of it.
        properties = "arbiter.security.rate-limit.requests-per-second=0")
class HostileInputFuzzTest extends HttpServiceTest {

    private static final Logger log = LoggerFactory.getLogger(HostileInputFuzzTest.class);

    private static final long DEFAULT_SEED = 20261121L;
    private static final int MIN_PAYLOADS = 10_000;
    private static final int CLIENT_THREADS = 4;
    private static final int FAILURES_SHOWN = 15;
    private static final Set<String> OUTCOMES = Set.of("AUTOMATE", "HUMAN_REVIEW", "ROUTE_TO_AGENT", "ESCALATE");
    /** Statuses that say the request never reached the decision endpoint's own checks: the storm would test nothing. */
    private static final Set<Integer> NOT_REACHED = Set.of(401, 403, 429);
    /** Kinds whose decided payloads carry odd text or numbers into the stored trace: each is read back. */
    private static final Set<HostilePayloads.Kind> READ_BACK = Set.of(HostilePayloads.Kind.UNICODE_TEXT,
            HostilePayloads.Kind.INVALID_UTF8, HostilePayloads.Kind.BAD_ID, HostilePayloads.Kind.BOM_AND_ENCODING,
            HostilePayloads.Kind.HUGE_NUMBER);
    /** What a problem document must not show: stack frames, exception and class names, library packages. */
    private static final Pattern INTERNALS = Pattern.compile(
            "at dev\\.arbiter|\\tat |Exception|Caused by|tools\\.jackson|com\\.fasterxml|org\\.springframework"
                    + "|\\b(?:java|javax|jakarta|sun|dev\\.arbiter|org\\.hibernate)\\.[a-z]+\\.[A-Za-z]"
                    + "|`[A-Za-z_$][\\w$]*(?:\\.[\\w$()]+)+`");

    @Autowired
    private ApiLimits limits;

    @Test
    void hostilePayloadsNeverGetA5xxOrAnUntracedDecisionOrALeakAndLeaveTheServiceDecidingAsBefore() throws Exception {
        long seed = Long.getLong("arbiter.fuzz.seed", DEFAULT_SEED);
        HostilePayloads payloads = new HostilePayloads(seed, Math.toIntExact(limits.maxBodyBytes()));
        List<Integer> indexes = indexes();
        log.info("Fuzzing {} with {} payloads, seed {} (rerun with -Darbiter.fuzz.seed={})", DECISIONS, indexes.size(), seed, seed);
        JsonNode before = comparable(api.decided(knownRequest()));
        assertReady();
        int tracesBefore = storedTraces();

        Storm storm = new Storm(payloads, seed);
        storm.run(indexes);

        log.info("Fuzz storm with seed {}: {}", seed, storm.summary());
        assertThat(storm.failures).as("failures of the storm with seed %d (%d in all); first ones:%n%s", seed,
                storm.failureCount.get(), String.join("\n\n", storm.failures)).isEmpty();
        assertThat(storedTraces() - tracesBefore)
                .as("traces stored by the storm (seed %d): one per 200 answer that was not a replay", seed)
                .isEqualTo(storm.decisionIds.size());
        assertThat(storedDecisionIds()).as("every decided payload's trace (seed %d)", seed).containsAll(storm.decisionIds);
        assertThat(comparable(api.decided(knownRequest()))).as("the known request after the storm (seed %d)", seed)
                .isEqualTo(before);
        assertReady();
        if (System.getProperty("arbiter.fuzz.only") == null) {
            assertThat(HostilePayloads.countOf(HostilePayloads.Kind.TYPE_SWAP, indexes.size()))
                    .as("type swaps reach every (field path, JSON type) pair").isGreaterThanOrEqualTo(payloads.typeSwapPairs());
            assertThat(storm.decisionIds).as("decided payloads: the valid variants at least").hasSizeGreaterThan(indexes.size() / 50);
        }
    }

    // --- what earlier storms found, pinned

    @Test
    void nanAndInfinityStringsForANumberAreRejectedNamingTheField() {
        for (String value : List.of("NaN", "Infinity", "-Infinity", "INF")) {
            assertRejectedNaming(DecisionRequests.with(DecisionRequests.automatableChatRequest(), "interaction.sentiment", value),
                    "interaction.sentiment");
        }
    }

    @Test
    void blankStringsForANumberOrABooleanAreRejectedNamingTheField() {
        assertRejectedNaming(DecisionRequests.with(DecisionRequests.designExampleRequest(), "customer.profile.tenureMonths", " "),
                "customer.profile.tenureMonths");
        assertRejectedNaming(DecisionRequests.with(DecisionRequests.designExampleRequest(), "customer.lifetimeValue", " "),
                "customer.lifetimeValue");
        assertRejectedNaming(DecisionRequests.with(DecisionRequests.designExampleRequest(), "customer.consents.marketing", " "),
                "customer.consents.marketing");
    }

    @Test
    void instantsBeyondFourDigitYearsAreRejectedNamingTheField() {
        ObjectNode farFuture = DecisionRequests.with(DecisionRequests.automatableChatRequest(), "customer.timeZone", "Asia/Tokyo");
        assertRejectedNaming(DecisionRequests.with(farFuture, "at", "+1000000000-12-31T23:59:59.999999999Z"), "at");
        assertRejectedNaming(DecisionRequests.with(DecisionRequests.designExampleRequest(), "customer.openTickets[0].openedAt",
                "-1000000000-01-01T00:00:00Z"), "customer.openTickets[0].openedAt");
        assertRejectedNaming(DecisionRequests.with(DecisionRequests.designExampleRequest(), "customer.recentContacts[0].at",
                31556889864403199L), "customer.recentContacts[0].at");
        assertThat(api.decided(DecisionRequests.with(DecisionRequests.automatableChatRequest(), "at", "9999-12-31T23:59:59Z"))
                .path("outcome").asString()).isNotBlank();
    }

    @Test
    void aNumberTooLargeForAnInstantIsRejectedWithoutJavaTypeNames() {
        String body = Api.JSON.writeValueAsString(DecisionRequests.designExampleRequest())
                .replace("\"at\":\"2026-11-19T12:00:00Z\"", "\"at\":1E+2147483648");

        HttpResponse<String> response = api.decide(body);

        assertThat(Api.errorFields(Api.assertProblem(response, 400))).containsExactly("customer.recentContacts[0].at");
        assertThat(response.body()).doesNotContainPattern(INTERNALS);
    }

    private void assertRejectedNaming(JsonNode request, String field) {
        HttpResponse<String> response = api.decide(request);
        assertThat(Api.errorFields(Api.assertProblem(response, 400))).as(response.body()).contains(field);
        assertThat(response.body()).doesNotContainPattern(INTERNALS);
    }

    private static List<Integer> indexes() {
        String only = System.getProperty("arbiter.fuzz.only");
        List<Integer> indexes = new ArrayList<>();
        if (only != null && !only.isBlank()) {
            for (String index : only.split(",")) {
                indexes.add(Integer.parseInt(index.trim()));
            }
            return indexes;
        }
        int count = Math.max(MIN_PAYLOADS, Integer.getInteger("arbiter.fuzz.payloads", MIN_PAYLOADS));
        for (int i = 0; i < count; i++) {
            indexes.add(i);
        }
        return indexes;
    }

    /** DESIGN.md's example without its request id, so that it is decided anew each time. */
    private static ObjectNode knownRequest() {
        ObjectNode request = DecisionRequests.designExampleRequest();
        request.remove("requestId");
        return request;
    }

    /** @return the decision without what differs from one decision to the next */
    private static JsonNode comparable(JsonNode decision) {
        ObjectNode copy = (ObjectNode) decision.deepCopy();
        copy.remove("decisionId");
        copy.remove("decidedAt");
        return copy;
    }

    private void assertReady() {
        HttpResponse<String> readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as("readiness: %s", readiness.body()).isEqualTo(200);
        assertThat(Api.json(readiness).path("status").asString()).isEqualTo("UP");
    }

    private int storedTraces() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Integer.class).single();
    }

    private Set<String> storedDecisionIds() {
        return new HashSet<>(jdbc.sql("SELECT decision_id FROM decision_trace").query(String.class).list());
    }

    /** Sends payloads on a few client threads and checks each answer; collects what went wrong. */
    private final class Storm {

        private final HostilePayloads payloads;
        private final long seed;
        final Set<String> decisionIds = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger failureCount = new AtomicInteger();
        private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        private final Map<HostilePayloads.Kind, LongAdder> kindMillis = new ConcurrentHashMap<>();
        private final LongAdder replays = new LongAdder();
        private long millis;

        Storm(HostilePayloads payloads, long seed) {
            this.payloads = payloads;
            this.seed = seed;
        }

        void run(List<Integer> indexes) throws Exception {
            long start = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < CLIENT_THREADS; t++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < indexes.size(); i = next.getAndIncrement()) {
                            send(payloads.payload(indexes.get(i)));
                        }
                    }));
                }
                for (Future<?> client : running) {
                    client.get(10, TimeUnit.MINUTES);
                }
            } finally {
                clients.shutdownNow();
            }
            millis = (System.nanoTime() - start) / 1_000_000;
        }

        private void send(HostilePayload payload) {
            HttpRequest.Builder request = api.request(DECISIONS).POST(payload.chunked()
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload.body()))
                    : HttpRequest.BodyPublishers.ofByteArray(payload.body()));
            payload.contentTypes().forEach(type -> request.header("Content-Type", type));
            HttpResponse<String> response;
            long start = System.nanoTime();
            try {
                response = api.send(request);
            } catch (UncheckedIOException e) {
                fail(payload, "no answer: " + e.getCause());
                return;
            } finally {
                kindMillis.computeIfAbsent(payload.kind(), k -> new LongAdder()).add((System.nanoTime() - start) / 1_000_000);
            }
            statuses.computeIfAbsent(payload.kind() + " " + response.statusCode(), k -> new LongAdder()).increment();
            check(payload, response);
        }

        private void check(HostilePayload payload, HttpResponse<String> response) {
            int status = response.statusCode();
            if (status >= 500) {
                fail(payload, response, "a server error");
            } else if (NOT_REACHED.contains(status)) {
                fail(payload, response, "never reached the decision checks (authentication or rate limit)");
            } else if (!payload.expected().accepts(status)) {
                fail(payload, response, "expected " + payload.expected());
            } else if (status == 200) {
                checkDecided(payload, response);
            } else {
                checkProblem(payload, response);
            }
        }

        private void checkDecided(HostilePayload payload, HttpResponse<String> response) {
            JsonNode decision;
            try {
                decision = Api.json(response);
            } catch (RuntimeException e) {
                fail(payload, response, "a decision that is not JSON");
                return;
            }
            if (!contentType(response).startsWith("application/json") || decision.path("decisionId").asString().isBlank()
                    || !OUTCOMES.contains(decision.path("outcome").asString())) {
                fail(payload, response, "a 200 that is no decision");
            } else if (response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
                replays.increment();
            } else if (!decisionIds.add(decision.path("decisionId").asString())) {
                fail(payload, response, "a decision id given twice");
            } else if (READ_BACK.contains(payload.kind())) {
                checkTraceReadable(payload, decision.path("decisionId").asString());
            }
        }

        /** A decision taken on odd input (lone surrogates, NUL, huge numbers...) can be read back with its trace. */
        private void checkTraceReadable(HostilePayload payload, String decisionId) {
            HttpResponse<String> trace = api.get(DECISIONS + "/" + decisionId + "/trace");
            if (trace.statusCode() != 200 || !Api.json(trace).path("decisionId").asString().equals(decisionId)) {
                fail(payload, trace, "a decided payload whose trace cannot be read back");
            }
        }

        private void checkProblem(HostilePayload payload, HttpResponse<String> response) {
            if (!contentType(response).startsWith(PROBLEM_JSON)) {
                fail(payload, response, "a rejection that is not " + PROBLEM_JSON);
                return;
            }
            JsonNode problem;
            try {
                problem = Api.json(response);
            } catch (RuntimeException e) {
                fail(payload, response, "a problem document that is not JSON");
                return;
            }
            if (problem.path("status").asInt() != response.statusCode() || problem.path("title").asString().isBlank()) {
                fail(payload, response, "a problem without its status and title");
            }
            var leak = INTERNALS.matcher(response.body());
            if (leak.find() && !new String(payload.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(leak.group())) {
                fail(payload, response, "internals in the problem: '" + leak.group() + "'");
            }
            if (problem.has("decisionId")) {
                fail(payload, response, "a rejection with a decision id");
            }
        }

        private void fail(HostilePayload payload, HttpResponse<String> response, String what) {
            String body = response.body();
            fail(payload, what + ": status " + response.statusCode() + ", Content-Type '" + contentType(response)
                    + "', body " + (body.length() > 600 ? body.substring(0, 600) + "..." : body));
        }

        private void fail(HostilePayload payload, String what) {
            if (failureCount.incrementAndGet() <= FAILURES_SHOWN) {
                failures.add("payload " + payload.index() + " (" + payload.kind() + ": " + payload.description()
                        + "; sent with Content-Type " + payload.contentTypes() + (payload.chunked() ? ", chunked" : "")
                        + ", expected " + payload.expected() + ") got " + what
                        + "\n  rerun: -Darbiter.fuzz.seed=" + seed + " -Darbiter.fuzz.only=" + payload.index()
                        + "\n  payload: " + payload.preview(1_500));
            }
        }

        String summary() {
            Map<String, Long> sorted = new TreeMap<>();
            statuses.forEach((key, count) -> sorted.put(key, count.sum()));
            Map<HostilePayloads.Kind, Long> time = new TreeMap<>();
            kindMillis.forEach((kind, total) -> time.put(kind, total.sum()));
            return millis + " ms, " + decisionIds.size() + " decided, " + replays.sum() + " replayed, "
                    + failureCount.get() + " failures; answers by kind and status: " + sorted + "; ms waited by kind: " + time;
        }
    }
}
