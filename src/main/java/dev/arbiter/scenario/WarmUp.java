package dev.arbiter.scenario;

import java.nio.file.Files;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyProperties;

/**
 * Warms the decision path up before the service reports ready: runs the policy scenarios through the engine
 * until the JIT has compiled the hot path. Readiness turns UP only after this runner finished. Reports as the
 * {@code warmUp} health indicator.
 */
@Component("warmUp")
class WarmUp implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final ScenarioRunner runner;
    private final ActivePolicy policy;
    private final PolicyProperties properties;
    private final int decisions;
    private volatile Health health = Health.down().withDetail("warmUp", "not started").build();

    WarmUp(ScenarioRunner runner, ActivePolicy policy, PolicyProperties properties,
           @Value("${arbiter.api.warm-up-decisions:2000}") int decisions) {
        this.runner = runner;
        this.policy = policy;
        this.properties = properties;
        this.decisions = decisions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        List<Scenario> scenarios = Files.isDirectory(properties.scenarioDir())
                ? new ScenarioLoader().load(properties.scenarioDir()) : List.of();
        if (scenarios.isEmpty() || decisions <= 0) {
            health = Health.up().withDetail("warmUp", "skipped: no scenarios to warm up with").build();
            return;
        }
        PolicyBundle bundle = policy.current();
        long failing = scenarios.stream().filter(scenario -> !runner.run(scenario, bundle).passed()).count();
        for (int i = scenarios.size(); i < decisions; i++) {
            runner.run(scenarios.get(i % scenarios.size()), bundle);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Warmed up with {} decisions over {} scenarios in {} ms ({} scenarios failing)", decisions,
                scenarios.size(), millis, failing);
        health = Health.up().withDetail("decisions", decisions).withDetail("scenarios", scenarios.size())
                .withDetail("failingScenarios", failing).withDetail("millis", millis).build();
    }

    @Override
    public Health health() {
        return health;
    }
}
