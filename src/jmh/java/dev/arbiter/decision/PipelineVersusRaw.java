package dev.arbiter.decision;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PipelineVersusRawBenchmark} with JMH and prints, per input, the time of the raw engines and of the
 * pipeline (mean, median in brackets), the ratio pipeline / (DMN + DRL + Tribuo) of the means and of the medians, and
 * the pipeline's decisions per second on one thread (one over the mean). The medians resist a shared machine's
 * stalls better; on a quiet machine the two ratios agree.
 * Arguments are JMH's own (e.g. {@code -wi 5 -i 10 -r 2}); without {@code -rf}/{@code -rff} the results are also
 * written to {@code target/pipeline-vs-raw.json}. Run from the repository root:
 * {@code ./mvnw -B -Pbench verify -Djmh.main=dev.arbiter.decision.PipelineVersusRaw -Djmh.args="..."}.
 */
public final class PipelineVersusRaw {

    private static final String[] INPUTS = {"designExample", "scenarioMix"};
    private static final String[] PARTS = {"RawDmn", "RawDrl", "Tribuo", "Pipeline"};

    private PipelineVersusRaw() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException {
        CommandLineOptions options = new CommandLineOptions(args);
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(options);
        if (options.getIncludes().isEmpty()) {
            builder.include(PipelineVersusRawBenchmark.class.getSimpleName());
        }
        if (!options.getResult().hasValue() && !options.getResultFormat().hasValue()) {
            builder.resultFormat(ResultFormatType.JSON).result("target/pipeline-vs-raw.json");
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        System.out.println();
        System.out.println(table(results));
    }

    /** @return the ratio table in Markdown: mean times (p50 in brackets), the two ratios, decisions per second */
    static String table(Collection<RunResult> results) {
        Map<String, Result<?>> byName = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            byName.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult());
        }
        String unit = byName.values().stream().findFirst().map(Result::getScoreUnit).orElse("");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s %s; times in %s, mean (p50)%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), unit));
        out.append("| input | raw DMN | raw DRL | Tribuo | raw sum | pipeline | ratio (mean) | ratio (p50) | decisions/s |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (String input : INPUTS) {
            Result<?>[] parts = new Result<?>[PARTS.length];
            boolean complete = true;
            for (int i = 0; i < PARTS.length; i++) {
                parts[i] = byName.get(input + PARTS[i]);
                complete &= parts[i] != null;
            }
            if (!complete) {
                continue;
            }
            double rawSum = parts[0].getScore() + parts[1].getScore() + parts[2].getScore();
            double rawMedians = p50(parts[0]) + p50(parts[1]) + p50(parts[2]);
            double pipeline = parts[3].getScore();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f (%.1f) | %s | %.2f | %.2f | %,.0f |%n", input, time(parts[0]),
                    time(parts[1]), time(parts[2]), rawSum, rawMedians, time(parts[3]), pipeline / rawSum, p50(parts[3]) / rawMedians,
                    1e6 / pipeline));
        }
        return out.toString();
    }

    private static double p50(Result<?> result) {
        return result.getStatistics().getPercentile(50);
    }

    private static String time(Result<?> result) {
        return String.format(Locale.ROOT, "%.1f (%.1f)", result.getScore(), p50(result));
    }
}
