package dev.arbiter.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop HTTP load generator for the decision API (issue 7), driven by {@code scripts/load-test.sh}: sends the
 * policy scenarios' requests ({@link ScenarioRequests}) to {@code POST /api/v1/decisions} of a running service and
 * prints, per phase, throughput, latency percentiles (HdrHistogram), errors and how the CPU was split between the
 * service, the generator and other processes. Phases, in order: the first requests one at a time (is the service
 * warm when it says it is ready?), a closed-loop warm-up that is not reported in the figures, every fixed rate, and
 * closed-loop max-throughput phases, one per connection count. Options: {@link LoadOptions#USAGE}.
 * <p>
 * Exit status: 0 done (whatever the figures), 1 some request failed (non-2xx, I/O error, unsent), 2 wrong usage or
 * unreadable input.
 */
public final class LoadGenerator {

    private static final int WARM_UP_SLICE_SECONDS = 10;

    private LoadGenerator() {
    }

    public static void main(String[] args) {
        LoadOptions options;
        RequestMix mix;
        try {
            options = LoadOptions.parse(args);
            Optional<String> key = RequestMix.decisionClientKey(options.keysFile());
            mix = new RequestMix(RequestMix.readLines(options.requests()),
                    options.target().getHost() + ":" + options.target().getPort(), key,
                    "load-" + Long.toString(System.currentTimeMillis(), 36));
            System.out.printf(Locale.ROOT, "load: %d requests in the mix, %s, target %s%n", mix.size(),
                    key.isPresent() ? "sending the DECISION_CLIENT key" : "no API key (no keys file)", options.target());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("load: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        List<PhaseResult> results = run(options, mix);
        write(options, results);
        boolean failed = results.stream().anyMatch(result -> result.errors() > 0 || result.unsent() > 0);
        System.exit(failed ? 1 : 0);
    }

    private static List<PhaseResult> run(LoadOptions options, RequestMix mix) {
        LoadPhase phases = new LoadPhase(mix, options, new AtomicLong());
        List<PhaseResult> results = new ArrayList<>();
        System.out.println(PhaseResult.TABLE_HEADER);
        if (options.firstRequests() > 0) {
            results.add(report(phases.sequential(options.firstRequests())));
        }
        warmUp(phases, options);
        for (int rate : options.rates()) {
            results.add(report(phases.fixedRate(rate, options.connections())));
        }
        if (options.max()) {
            for (int connections : options.maxConnections()) {
                results.add(report(phases.closedLoop("max " + connections + "c", connections, options.settleSeconds(),
                        options.seconds())));
            }
        }
        return results;
    }

    /**
     * Closed-loop slices of {@value #WARM_UP_SLICE_SECONDS} s until the throughput stopped rising (3 slices in a row
     * not 3 % above the best before), between the shortest and the longest warm-up. Each slice is printed, marked as
     * not reported, so that a run shows where the JIT reached its steady state.
     */
    private static void warmUp(LoadPhase phases, LoadOptions options) {
        double best = 0;
        int flat = 0;
        for (int elapsed = 0; elapsed < options.warmupSeconds(); elapsed += WARM_UP_SLICE_SECONDS) {
            int seconds = Math.min(WARM_UP_SLICE_SECONDS, options.warmupSeconds() - elapsed);
            PhaseResult slice = phases.closedLoop("warm-up", options.warmupConnections(), 0, seconds);
            System.out.println(slice.tableRow() + "   (warm-up " + (elapsed + seconds) + " s, not reported)");
            flat = slice.achievedPerSecond() < best * 1.03 ? flat + 1 : 0;
            best = Math.max(best, slice.achievedPerSecond());
            if (flat >= 3 && elapsed + seconds >= options.warmupMinSeconds()) {
                return;
            }
        }
    }

    private static PhaseResult report(PhaseResult result) {
        System.out.println(result.tableRow());
        if (!result.errorSample().isEmpty()) {
            System.out.println("    a failed request: " + result.errorSample().replace('\n', ' '));
        }
        return result;
    }

    private static void write(LoadOptions options, List<PhaseResult> results) {
        try {
            if (options.out() != null) {
                boolean fresh = !Files.exists(options.out()) || Files.size(options.out()) == 0;
                List<String> lines = new ArrayList<>();
                if (fresh) {
                    lines.add(PhaseResult.TSV_HEADER);
                }
                results.forEach(result -> lines.add(result.tsvRow(options.label())));
                Files.write(options.out(), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            if (options.histograms() != null) {
                Files.createDirectories(options.histograms());
                for (PhaseResult result : results) {
                    writeHistogram(options.histograms().resolve(fileName(options.label(), result.name())), result);
                }
            }
        } catch (IOException e) {
            System.err.println("load: cannot write the results: " + e.getMessage());
        }
    }

    private static void writeHistogram(Path file, PhaseResult result) throws IOException {
        try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
            result.latency().outputPercentileDistribution(out, 1000.0);   // microseconds shown as milliseconds
        }
    }

    private static String fileName(String label, String phase) {
        return (label + "-" + phase).replaceAll("[^A-Za-z0-9.-]+", "_") + ".hgrm";
    }
}
