package dev.arbiter.load;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * What one phase of a load run measured. Latencies are in microseconds in the histogram and printed in
 * milliseconds: for a fixed-rate phase from the intended send time of each request (so queueing behind a slow
 * response counts), for a closed-loop phase from the actual send time.
 *
 * @param name        e.g. {@code rate 4000/s}, {@code max}, {@code first 200}
 * @param offered     offered requests per second; 0 for closed-loop and sequential phases
 * @param connections connections used
 * @param seconds     measured wall-clock seconds
 * @param completed   responses (any status) received within the measured window
 * @param errors      requests intended in the window that got no 2xx answer (other status, I/O error, timeout)
 * @param unsent      requests intended in the window the generator never sent because the phase overran its drain
 *                    time (the service could not keep up); their waiting time so far is in the histogram
 * @param latency     latencies of the requests intended in the window, microseconds
 * @param cpu         CPU ticks used during the window
 * @param errorSample status and start of the body of one failed response, or an I/O error; empty when none
 */
record PhaseResult(String name, int offered, int connections, double seconds, long completed, long errors, long unsent,
                   Histogram latency, CpuTimes cpu, String errorSample) {

    static final String TSV_HEADER = String.join("\t", "label", "phase", "offered_per_s", "connections", "seconds",
            "achieved_per_s", "requests", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "errors", "unsent",
            "service_cores", "generator_cores", "other_cores", "idle_cores");

    static final String TABLE_HEADER = String.format(Locale.ROOT, "%-14s %8s %5s %10s %8s %8s %8s %8s %8s %7s %7s  %s",
            "phase", "offered", "conns", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors",
            "unsent", "CPU cores: service generator others idle");

    double achievedPerSecond() {
        return seconds <= 0 ? 0 : completed / seconds;
    }

    /** @return the latency at {@code percentile} (0-100) in milliseconds; 0 when nothing was measured */
    double millis(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0;
    }

    /** @return one line under {@link #TABLE_HEADER} */
    String tableRow() {
        return String.format(Locale.ROOT, "%-14s %8s %5d %10.0f %8.2f %8.2f %8.2f %8.2f %8.2f %7d %7d  %.2f %.2f %.2f %.2f",
                name, offered == 0 ? "-" : Integer.toString(offered), connections, achievedPerSecond(), millis(50),
                millis(90), millis(99), millis(99.9), maxMillis(), errors, unsent, cores(cpu.service()),
                cores(cpu.generator()), cores(cpu.others()), cores(cpu.idle()));
    }

    /** @return one tab-separated line under {@link #TSV_HEADER} */
    String tsvRow(String label) {
        return String.join("\t", label, name, Integer.toString(offered), Integer.toString(connections),
                format(seconds), format(achievedPerSecond()), Long.toString(latency.getTotalCount()), format(millis(50)),
                format(millis(90)), format(millis(99)), format(millis(99.9)), format(maxMillis()),
                Long.toString(errors), Long.toString(unsent), format(cores(cpu.service())),
                format(cores(cpu.generator())), format(cores(cpu.others())), format(cores(cpu.idle())));
    }

    private double cores(long ticks) {
        return CpuTimes.cores(ticks, seconds);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
