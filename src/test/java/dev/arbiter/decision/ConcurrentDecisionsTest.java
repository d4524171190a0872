package dev.arbiter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFixtures;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.scenario.ScenarioLoader;
import dev.arbiter.scoring.Models;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision engine is thread-safe: the same 100,000 decisions (built from the policy scenarios with variations,
 * scored with the shipped models, against the shipped policy, at a fixed instant) come out identical — answer and
 * trace, field by field, timings aside — on eight threads as on one. Only a 128-bit digest of each decision's
 * canonical JSON is kept; the first decision that differs is recomputed and shown in full.
 */
class ConcurrentDecisionsTest {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentDecisionsTest.class);

    private static final int DECISIONS = 100_000;
    private static final int THREADS = 8;
    private static final int CHUNK = 64;
    private static final long SEED = 20261121L;
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final int DIFFERENCES_SHOWN = 30;
    /** Canonical JSON: map entries sorted by key; the step timings, which differ from run to run, left out. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(DecisionTrace.class, WithoutTimings.class)
            .build();

    @JsonIgnoreProperties("timingsMicros")
    private abstract static class WithoutTimings {
    }

    private static ValidatorFactory validation;

    private final DecisionEngine engine = DecisionEngine.standalone();
    private final PolicyBundle bundle = PolicyFixtures.shippedBundle();
    private final Models models = Models.loadFrom(Path.of("models"));
    private final VariedRequests requests = new VariedRequests(new ScenarioLoader().load(Path.of("policy-tests")), SEED);

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    @Test
    void aHundredThousandDecisionsOnEightThreadsEqualTheSameDecisionsOnOneThread() throws Exception {
        assertThat(models.intent()).as("the shipped intent model").isNotNull();
        assertThat(models.churn()).as("the shipped churn model").isNotNull();
        assertThat(requests.scenarioCount()).as("policy scenarios").isGreaterThan(100);

        long start = System.nanoTime();
        Mix mix = new Mix();
        long[] digests = decideOnOneThread(mix);
        long single = System.nanoTime();
        Mismatches mismatches = decideOnThreadsAndCompare(digests);
        long parallel = System.nanoTime();
        log.info("{} decisions: one thread {} ms, {} threads {} ms; {}", DECISIONS, (single - start) / 1_000_000, THREADS,
                (parallel - single) / 1_000_000, mix);

        assertThat(mismatches.count.get()).as("decisions that differ between %d threads and one thread%s", THREADS,
                mismatches.count.get() == 0 ? "" : mismatches.report()).isZero();
        mix.assertVaried();
    }

    /** @return the digest of every decision, two longs each, decided in order on this thread */
    private long[] decideOnOneThread(Mix mix) {
        Validator validator = validation.getValidator();
        MessageDigest digest = sha256();
        long[] digests = new long[2 * DECISIONS];
        for (int i = 0; i < DECISIONS; i++) {
            VariedRequests.Case decision = requests.get(i);
            Set<ConstraintViolation<DecisionRequest>> violations = validator.validate(decision.request());
            assertThat(violations).as("violations of request %d: %s", i, decision.request()).isEmpty();
            Evaluation evaluation = evaluate(decision);
            mix.add(evaluation.response());
            byte[] hash = hash(evaluation, digest);
            digests[2 * i] = toLong(hash, 0);
            digests[2 * i + 1] = toLong(hash, 8);
        }
        return digests;
    }

    private Mismatches decideOnThreadsAndCompare(long[] digests) throws Exception {
        Mismatches mismatches = new Mismatches();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    MessageDigest digest = sha256();
                    for (int from = next.getAndAdd(CHUNK); from < DECISIONS; from = next.getAndAdd(CHUNK)) {
                        for (int i = from; i < Math.min(from + CHUNK, DECISIONS); i++) {
                            Evaluation evaluation = evaluate(requests.get(i));
                            byte[] hash = hash(evaluation, digest);
                            if (toLong(hash, 0) != digests[2 * i] || toLong(hash, 8) != digests[2 * i + 1]) {
                                mismatches.add(i, evaluation);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return mismatches;
    }

    private Evaluation evaluate(VariedRequests.Case decision) {
        return engine.evaluate("concurrent-" + decision.index(), decision.request(), bundle, decision.pauseScope(), NOW,
                decision.withoutModels() ? Models.none() : models);
    }

    private static byte[] hash(Evaluation evaluation, MessageDigest digest) {
        digest.reset();
        CANONICAL.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest), evaluation);
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static long toLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = value << 8 | bytes[i] & 0xFF;
        }
        return value;
    }

    /** Decisions that came out differently on the threads; the first one in full. */
    private final class Mismatches {

        final AtomicInteger count = new AtomicInteger();
        private int first = Integer.MAX_VALUE;
        private JsonNode firstOnThreads;

        void add(int index, Evaluation onThreads) {
            count.incrementAndGet();
            synchronized (this) {
                if (index < first) {
                    first = index;
                    firstOnThreads = CANONICAL.valueToTree(onThreads);
                }
            }
        }

        /** Recomputes the first differing decision alone on this thread and shows both with their differences. */
        synchronized String report() {
            VariedRequests.Case decision = requests.get(first);
            JsonNode alone = CANONICAL.valueToTree(evaluate(decision));
            List<String> differences = new ArrayList<>();
            differences(alone, firstOnThreads, "", differences);
            return String.format("%n%d of %d decisions differ (seed %d). First: decision %d, scenario '%s' of %s%n"
                            + "request: %s%ndifferences (one thread vs %d threads), first %d:%n  %s%n"
                            + "on one thread: %s%non %d threads: %s",
                    count.get(), DECISIONS, SEED, first, decision.scenario().name(), decision.scenario().file(),
                    CANONICAL.writeValueAsString(decision.request()), THREADS, DIFFERENCES_SHOWN,
                    String.join("\n  ", differences), alone.toPrettyString(), THREADS, firstOnThreads.toPrettyString());
        }

        private void differences(JsonNode one, JsonNode other, String path, List<String> found) {
            if (found.size() >= DIFFERENCES_SHOWN || one.equals(other)) {
                return;
            }
            if (one.isObject() && other.isObject()) {
                Set<String> names = new java.util.TreeSet<>(one.propertyNames());
                names.addAll(other.propertyNames());
                for (String name : names) {
                    differences(one.path(name), other.path(name), path + "." + name, found);
                }
            } else if (one.isArray() && other.isArray() && one.size() == other.size()) {
                for (int i = 0; i < one.size(); i++) {
                    differences(one.get(i), other.get(i), path + "[" + i + "]", found);
                }
            } else {
                found.add(path + ": " + one + " vs " + other);
            }
        }
    }

    /** What the single-thread run decided: outcomes and model use, to show that the requests exercise the engine. */
    private static final class Mix {

        private final Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
        private final AtomicLong intentModel = new AtomicLong();
        private final AtomicLong churnModel = new AtomicLong();
        private final AtomicLong suppressed = new AtomicLong();

        void add(DecisionResponse response) {
            outcomes.computeIfAbsent(response.outcome(), o -> new AtomicLong()).incrementAndGet();
            response.models().forEach(model -> (model.name().equals("intent") ? intentModel : churnModel).incrementAndGet());
            if (response.actions().stream().anyMatch(action -> action.status().equals("SUPPRESSED"))) {
                suppressed.incrementAndGet();
            }
        }

        void assertVaried() {
            assertThat(outcomes.keySet()).as("outcomes decided: %s", this).containsExactlyInAnyOrder(Outcome.values());
            assertThat(intentModel.get()).as("decisions scored by the intent model").isGreaterThan(DECISIONS / 10);
            assertThat(churnModel.get()).as("decisions scored by the churn model").isGreaterThan(DECISIONS / 10);
            assertThat(suppressed.get()).as("decisions with a suppressed action").isGreaterThan(DECISIONS / 20);
        }

        @Override
        public String toString() {
            return "outcomes " + outcomes + ", intent model " + intentModel + ", churn model " + churnModel
                    + ", with a suppressed action " + suppressed;
        }
    }
}
