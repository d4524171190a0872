package dev.arbiter.decision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.policy.RawPolicyEngines;
import dev.arbiter.scenario.Scenario;
import dev.arbiter.scenario.ScenarioLoader;
import dev.arbiter.scoring.ChurnScore;
import dev.arbiter.scoring.ChurnScoring;
import dev.arbiter.scoring.IntentScore;
import dev.arbiter.scoring.IntentScoring;
import dev.arbiter.scoring.Models;
import dev.arbiter.scoring.RawTribuo;
import dev.arbiter.support.DecisionRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full in-process decision against the engines it is built on, on the same inputs (issue 7): per input, four
 * benchmarks —
 * <ul>
 *   <li>{@code rawDmn}: the KIE {@code DMNRuntime} built from {@code dmn-models/} evaluating every shipped model
 *       with the FEEL input values the pipeline gave it (fresh context, {@code evaluateAll});</li>
 *   <li>{@code rawDrl}: a stateless session of the {@code rules/} KieBase executing the facts the pipeline inserted
 *       (insert all, {@code fireAllRules});</li>
 *   <li>{@code tribuo}: {@code Model.predict} of the shipped intent and churn models on the examples the pipeline
 *       built, as many predictions as the pipeline makes;</li>
 *   <li>{@code pipeline}: {@code DecisionEngine.evaluate} with the shipped models loaded — featurisation, both
 *       models, calibration and explanations, phrase matching, the same DMN and DRL evaluations with recording,
 *       arbitration, reason messages, hand-off and the full trace. Everything but JSON and the database.</li>
 * </ul>
 * Inputs: {@code designExample} is DESIGN.md's request; {@code scenarioMix} the 161 requests of {@code policy-tests/}
 * in turn. So that both models score every decision, the caller's intent and churn risk are removed and a request
 * without a profile gets DESIGN.md's three-field profile. The setup checks that the raw engines reach exactly the
 * pipeline's table results and fire exactly its rules. {@link PipelineVersusRaw} runs this class and prints the
 * ratio pipeline / (DMN + DRL + Tribuo); see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class PipelineVersusRawBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String GLOBAL = "GLOBAL";

    /** One request with what the pipeline gave each engine for it. */
    private record Case(DecisionRequest request, String pauseScope, RawPolicyEngines.Inputs engines, RawTribuo.Examples examples) {
    }

    private PolicyBundle bundle;
    private Models models;
    private DecisionEngine engine;
    private RawPolicyEngines raw;
    private RawTribuo tribuo;
    private Case example;
    private List<Case> mix;
    private int next;

    @Setup
    public void setUp() {
        PolicyFiles files = PolicyFiles.read(Path.of("rules"), Path.of("dmn-models"));
        bundle = new PolicyLoader().load(files);
        models = Models.loadFrom(Path.of("models"));
        engine = DecisionEngine.standalone();
        raw = RawPolicyEngines.compile(files);
        tribuo = RawTribuo.load(Path.of("models"));
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> designExample = json.convertValue(DecisionRequests.designExampleRequest(), Map.class);
        example = caseOf(json.convertValue(modelScored(designExample), DecisionRequest.class), null);
        mix = new ScenarioLoader().load(Path.of("policy-tests")).stream()
                .map(scenario -> caseOf(json.convertValue(modelScored(scenario.request()), DecisionRequest.class), pauseScope(scenario)))
                .toList();
    }

    /** @return the request without the caller's intent and churn risk, with DESIGN.md's profile if it had none */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> modelScored(Map<String, Object> request) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        Map<String, Object> interaction = new LinkedHashMap<>((Map<String, Object>) copy.get("interaction"));
        interaction.remove("intent");
        copy.put("interaction", interaction);
        Map<String, Object> customer = new LinkedHashMap<>((Map<String, Object>) copy.get("customer"));
        customer.remove("churnRisk");
        customer.putIfAbsent("profile", Map.of("tenureMonths", 14, "contract", "Month-to-month", "monthlyCharges", 70.35));
        copy.put("customer", customer);
        return copy;
    }

    private static String pauseScope(Scenario scenario) {
        if (scenario.pausedScopes().contains(GLOBAL)) {
            return GLOBAL;
        }
        String channel = String.valueOf(((Map<?, ?>) scenario.request().get("interaction")).get("channel"));
        return scenario.pausedScopes().contains(channel) ? channel : null;
    }

    /** Runs the pipeline once and captures, the way it builds them, the facts and examples it hands the engines. */
    private Case caseOf(DecisionRequest request, String pauseScope) {
        Evaluation evaluation = engine.evaluate("bench", request, bundle, pauseScope, NOW, models);
        DecisionRequest.Interaction said = request.interaction();
        DecisionRequest.Customer customer = request.customer();
        Map<String, Object> profile = customer.profile() == null ? null : customer.profile().toFields();
        IntentScore intent = IntentScoring.score(models.intent(), null, null, said.message(), said.history());
        ChurnScore churn = ChurnScoring.score(models.churn(), null, profile);
        Features features = new FeatureExtractor().extract(request, intent, churn, bundle.phrases(),
                request.at() == null ? NOW : request.at(), pauseScope);
        RawPolicyEngines.Inputs engines = raw.inputsOf(bundle, features.facts(), evaluation.response().outcome());
        return new Case(request, pauseScope, engines, tribuo.examplesOf(said.message(), said.history(), profile));
    }

    private Case nextOfMix() {
        Case input = mix.get(next);
        next = (next + 1) % mix.size();
        return input;
    }

    private void rawDmn(Case input, Blackhole sink) {
        for (RawPolicyEngines.DmnCall call : input.engines().tables()) {
            sink.consume(raw.evaluate(call));
        }
    }

    private void rawDrl(Case input) {
        raw.fire(input.engines().ruleFacts());
    }

    private void tribuo(Case input, Blackhole sink) {
        for (Example<Label> intent : input.examples().intent()) {
            sink.consume(tribuo.predictIntent(intent));
        }
        for (Example<Label> churn : input.examples().churn()) {
            sink.consume(tribuo.predictChurn(churn));
        }
    }

    private Evaluation pipeline(Case input) {
        return engine.evaluate("bench", input.request(), bundle, input.pauseScope(), NOW, models);
    }

    @Benchmark
    public void designExampleRawDmn(Blackhole sink) {
        rawDmn(example, sink);
    }

    @Benchmark
    public void designExampleRawDrl() {
        rawDrl(example);
    }

    @Benchmark
    public void designExampleTribuo(Blackhole sink) {
        tribuo(example, sink);
    }

    @Benchmark
    public Evaluation designExamplePipeline() {
        return pipeline(example);
    }

    @Benchmark
    public void scenarioMixRawDmn(Blackhole sink) {
        rawDmn(nextOfMix(), sink);
    }

    @Benchmark
    public void scenarioMixRawDrl() {
        rawDrl(nextOfMix());
    }

    @Benchmark
    public void scenarioMixTribuo(Blackhole sink) {
        tribuo(nextOfMix(), sink);
    }

    @Benchmark
    public Evaluation scenarioMixPipeline() {
        return pipeline(nextOfMix());
    }
}
