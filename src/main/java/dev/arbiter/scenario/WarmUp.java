package dev.arbiter.scenario;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.validation.Validator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.arbiter.decision.DecisionPipeline;
import dev.arbiter.decision.DecisionRequest;
import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyProperties;

/**
 * Warms the decision path up before the service reports ready, so that the first real requests are not slow: runs
 * each policy scenario once through the {@link ScenarioRunner} (its result is reported), then the scenarios' requests
 * again and again through what an API call does — JSON in, validation, {@link DecisionPipeline#rehearse} (evaluation,
 * redaction, answer and trace as JSON; nothing stored) — on as many threads as there are cores (at most
 * {@value #MAX_THREADS}), until the JIT has compiled the hot path. Readiness turns UP only after this runner
 * finished. Reports as the {@code warmUp} health indicator.
 */
@Component("warmUp")
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class WarmUp implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int MAX_THREADS = 4;

    private static final String CLIENT = "warm-up";

    private final ScenarioRunner runner;
    private final DecisionPipeline pipeline;
    private final JsonMapper json;
    private final Validator validator;
    private final ActivePolicy policy;
    private final PolicyProperties properties;
    private final int decisions;
    private volatile Health health = Health.down().withDetail("warmUp", "not started").build();

    WarmUp(ScenarioRunner runner, DecisionPipeline pipeline, JsonMapper json, Validator validator, ActivePolicy policy,
           PolicyProperties properties, @Value("${arbiter.api.warm-up-decisions:2000}") int decisions) {
        this.runner = runner;
        this.pipeline = pipeline;
        this.json = json;
        this.validator = validator;
        this.policy = policy;
        this.properties = properties;
        this.decisions = decisions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        List<Scenario> scenarios;
        try {
            scenarios = Files.isDirectory(properties.scenarioDir())
                    ? new ScenarioLoader().load(properties.scenarioDir()) : List.of();
        } catch (ScenarioFormatException | UncheckedIOException e) {
            // A mistake in a scenario file must not keep the service from starting on its active policy.
            log.warn("Not warmed up: the scenarios in {} cannot be read ({}); POST /api/v1/policies/test names the problem",
                    properties.scenarioDir(), e.getMessage());
            health = Health.up().withDetail("warmUp", "skipped: the scenarios cannot be read: " + e.getMessage()).build();
            return;
        }
        if (scenarios.isEmpty() || decisions <= 0) {
            health = Health.up().withDetail("warmUp", "skipped: no scenarios to warm up with").build();
            return;
        }
        PolicyBundle bundle = policy.current();
        long failing = scenarios.stream().filter(scenario -> !runner.run(scenario, bundle).passed()).count();
        runInParallel(requestsOf(scenarios), decisions - scenarios.size());
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Warmed up with {} decisions over {} scenarios in {} ms ({} scenarios failing)",
                Math.max(decisions, scenarios.size()),
                scenarios.size(), millis, failing);
        health = Health.up().withDetail("decisions", Math.max(decisions, scenarios.size()))
                .withDetail("scenarios", scenarios.size())
                .withDetail("failingScenarios", failing).withDetail("millis", millis).build();
    }

    /** @return the scenarios' requests as the API receives them (JSON bytes), leaving out those that are invalid */
    private List<byte[]> requestsOf(List<Scenario> scenarios) {
        List<byte[]> requests = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            byte[] body = json.writeValueAsBytes(scenario.request());
            try {
                if (validator.validate(json.readValue(body, DecisionRequest.class)).isEmpty()) {
                    requests.add(body);
                }
            } catch (JacksonException e) {
                log.debug("Scenario {} has a request the API would refuse; not used for warm-up", scenario.name());
            }
        }
        return requests;
    }

    /** Runs {@code count} requests as the API would, spread over the cores, and waits for all of them. */
    private void runInParallel(List<byte[]> requests, int count) {
        if (requests.isEmpty()) {
            return;
        }
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> new Thread(runnable, "warm-up"));
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        DecisionRequest request = json.readValue(requests.get(i % requests.size()), DecisionRequest.class);
                        validator.validate(request);
                        pipeline.rehearse(request, CLIENT);
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while warming up", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Warm-up failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public Health health() {
        return health;
    }
}
