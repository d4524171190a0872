package dev.arbiter.scoring;

import java.nio.file.Path;
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

/**
 * Scoring with the shipped models in-process: featurise, Tribuo prediction, temperature, ranking of all labels and
 * the explanation. Run from the repository root:
 * {@code ./mvnw -B -Pbench verify -Djmh.args="IntentClassifierBenchmark -wi 3 -w 3 -i 5 -r 4"} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class IntentClassifierBenchmark {

    private static final List<String> MESSAGES = List.of(
            "how long does it take for my parcel to arrive", "I want to cancel order 3707955617", "I can't pay my bill",
            "wheres me parcel", "forgot my pasword", "i need to speak to a human", "how do I get a refund",
            "what's the weather like tomorrow", "sign me up for ur newsletter",
            "I have been waiting for two weeks for the refund of my last purchase and nobody answers my emails, what can I do?");

    private TribuoIntentClassifier intent;
    private TribuoChurnClassifier churn;
    private int next;

    @Setup
    public void setUp() {
        intent = TribuoIntentClassifier.load(Path.of("models"));
        churn = TribuoChurnClassifier.load(Path.of("models"));
    }

    /** One typical customer message (9 words), no history. */
    @Benchmark
    public IntentPrediction typicalMessage() {
        return intent.predict("how long does it take for my parcel to arrive", List.of());
    }

    /** Ten messages in turn, 2 to 23 words: orders, billing, slang, misspellings, off-topic. */
    @Benchmark
    public IntentPrediction messageMix() {
        return intent.predict(MESSAGES.get(next++ % MESSAGES.size()), List.of());
    }

    /** A vague two-word follow-up that is scored twice: alone, then with the last history message. */
    @Benchmark
    public IntentPrediction shortFollowUpWithHistory() {
        return intent.predict("any update?", List.of("I want to track order 00123842"));
    }

    /** The churn model on DESIGN.md's three-field profile (fourteen fields defaulted). */
    @Benchmark
    public ChurnPrediction churnSparseProfile() {
        return churn.predict(Map.of("tenureMonths", 14, "contract", "Month-to-month", "monthlyCharges", 70.35));
    }
}
