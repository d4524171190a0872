package dev.arbiter.decision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.scenario.ScenarioLoader;
import dev.arbiter.scoring.Models;
import dev.arbiter.support.DecisionRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * One decision through the in-process pipeline with the shipped policies: features, scores, DMN, DRL,
 * arbitration, answer and trace — everything but the database write. Run from the repository root:
 * {@code ./mvnw -B -Pbench verify} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class DecisionEngineBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private DecisionEngine engine;
    private final Models models = Models.none();
    private PolicyBundle bundle;
    private JsonMapper json;
    private DecisionRequest example;
    private List<DecisionRequest> mix;
    private int next;

    @Setup
    public void setUp() {
        bundle = new PolicyLoader().load(PolicyFiles.read(Path.of("rules"), Path.of("dmn-models")));
        engine = new DecisionEngine(new FeatureExtractor(), new TraceBuilder());
        json = JsonMapper.builder().build();
        mix = new ScenarioLoader().load(Path.of("policy-tests")).stream()
                .map(scenario -> json.convertValue(scenario.request(), DecisionRequest.class))
                .toList();
        example = json.convertValue(DecisionRequests.designExampleRequest(), DecisionRequest.class);
    }

    /** The DESIGN.md example: a sensitive billing intent, a suppressed offer, a PLATINUM customer. */
    @Benchmark
    public DecisionResponse designExample() {
        return engine.evaluate("bench", example, bundle, null, NOW, models).response();
    }

    /** Every request of the policy scenarios in turn: automation, escalations, suppressions, fail-safes. */
    @Benchmark
    public DecisionResponse scenarioMix() {
        DecisionRequest request = mix.get(next++ % mix.size());
        return engine.evaluate("bench", request, bundle, null, NOW, models).response();
    }

    /** The example plus what the pipeline does before its database write: answer and trace as JSON. */
    @Benchmark
    public int designExampleWithJson() {
        Evaluation evaluation = engine.evaluate("bench", example, bundle, null, NOW, models);
        return json.writeValueAsString(evaluation.response()).length() + json.writeValueAsString(evaluation.trace()).length();
    }
}
