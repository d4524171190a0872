package dev.arbiter.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Runs one phase of a load run: one thread per connection, started together, with the first {@code settle}
 * seconds left out of the figures and {@code seconds} measured. Three kinds:
 * <ul>
 *   <li>fixed rate (open loop, as wrk2 does it): connection {@code c} of {@code C} owns the send times
 *       {@code start + (c + k·C) / rate}; it waits for each, sends, reads the answer, and the latency runs from the
 *       intended time, so a response that is late delays the next sends of that connection and that delay is
 *       counted (no coordinated omission). What is still unsent {@code drain} seconds after the end is counted as
 *       unsent, with its waiting time so far recorded;</li>
 *   <li>closed loop (max throughput): every connection sends its next request as soon as the last one is answered;
 *       latency from the actual send time;</li>
 *   <li>sequential: one connection, a fixed number of requests one after another (the first requests after start-up).</li>
 * </ul>
 * Not thread-safe itself; each call runs its own threads and returns when they finished.
 */
final class LoadPhase {

    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(600);
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long ERROR_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final RequestMix mix;
    private final LoadOptions options;
    private final AtomicLong sequence;

    /** @param sequence the next request number; shared by the phases of one run so that requestIds never repeat */
    LoadPhase(RequestMix mix, LoadOptions options, AtomicLong sequence) {
        this.mix = mix;
        this.options = options;
        this.sequence = sequence;
    }

    /** Window of a phase on the {@link System#nanoTime()} scale. */
    private record Window(long start, long from, long to, long giveUpAt) {

        boolean measures(long instant) {
            return instant >= from && instant < to;
        }
    }

    /** What one connection's thread counted. */
    private static final class Counts {
        final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        long completed;
        long errors;
        long unsent;
        String errorSample = "";

        void record(Window window, long intended, long done, int status, String sample) {
            if (window.measures(intended)) {
                latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (done - intended) / 1000)));
                if (status / 100 != 2) {
                    errors++;
                    errorSample = errorSample.isEmpty() ? sample : errorSample;
                }
            }
            if (window.measures(done)) {
                completed++;
            }
        }
    }

    /** @return the phase at {@code rate} requests per second over {@code connections} connections */
    PhaseResult fixedRate(int rate, int connections) {
        double interval = 1e9 / rate;
        return run("rate " + rate + "/s", rate, connections, options.settleSeconds(), options.seconds(),
                (connection, window, counts) -> {
                    for (long k = 0; ; k++) {
                        long intended = window.start() + (long) ((connection.index + k * (double) connections) * interval);
                        if (intended >= window.to()) {
                            return;
                        }
                        if (System.nanoTime() >= window.giveUpAt()) {
                            countUnsent(window, counts, intended, connections * interval);
                            return;
                        }
                        waitUntil(intended);
                        exchange(connection.http, intended, window, counts);
                    }
                });
    }

    /** @return the closed-loop phase over {@code connections} connections, {@code settle} and {@code seconds} long */
    PhaseResult closedLoop(String name, int connections, int settle, int seconds) {
        return run(name, 0, connections, settle, seconds, (connection, window, counts) -> {
            waitUntil(window.start());
            for (long sent = System.nanoTime(); sent < window.to(); sent = System.nanoTime()) {
                if (!exchange(connection.http, sent, window, counts)) {
                    LockSupport.parkNanos(ERROR_BACKOFF_NANOS);
                }
            }
        });
    }

    /** @return {@code count} requests sent one after another on one new connection */
    PhaseResult sequential(int count) {
        Counts counts = new Counts();
        CpuTimes before = CpuTimes.now(options.servicePid());
        long start = System.nanoTime();
        Window window = new Window(start, start, Long.MAX_VALUE, Long.MAX_VALUE);
        try (HttpConnection http = connection()) {
            for (int i = 0; i < count; i++) {
                exchange(http, System.nanoTime(), window, counts);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PhaseResult("first " + count, 0, 1, seconds, counts.completed, counts.errors, 0, counts.latency,
                CpuTimes.now(options.servicePid()).since(before), counts.errorSample);
    }

    private interface Loop {
        void run(Connection connection, Window window, Counts counts);
    }

    private record Connection(int index, HttpConnection http) {
    }

    private PhaseResult run(String name, int offered, int connections, int settle, int seconds, Loop loop) {
        long start = System.nanoTime() + START_DELAY_NANOS;
        long from = start + TimeUnit.SECONDS.toNanos(settle);
        long to = from + TimeUnit.SECONDS.toNanos(seconds);
        Window window = new Window(start, from, to, to + TimeUnit.SECONDS.toNanos(options.drainSeconds()));
        List<Counts> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Counts mine = new Counts();
            Connection connection = new Connection(c, connection());
            counts.add(mine);
            Thread thread = new Thread(() -> {
                try (HttpConnection http = connection.http()) {
                    loop.run(connection, window, mine);
                }
            }, "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        waitUntil(from);
        CpuTimes before = CpuTimes.now(options.servicePid());
        waitUntil(to);
        CpuTimes used = CpuTimes.now(options.servicePid()).since(before);
        joinAll(threads);
        return merge(name, offered, connections, seconds, counts, used);
    }

    private HttpConnection connection() {
        return new HttpConnection(options.target().getHost(), options.target().getPort(), options.timeoutMillis());
    }

    /** @return whether the exchange got an answer (of any status) */
    private boolean exchange(HttpConnection http, long intended, Window window, Counts counts) {
        byte[] request = mix.request(sequence.getAndIncrement());
        try {
            int status = http.exchange(request);
            counts.record(window, intended, System.nanoTime(), status, status / 100 == 2 ? "" : http.lastErrorBody());
            return true;
        } catch (IOException | RuntimeException e) {
            counts.record(window, intended, System.nanoTime(), 0, "I/O error: " + e);
            return false;
        }
    }

    private static void countUnsent(Window window, Counts counts, long firstIntended, double interval) {
        long now = System.nanoTime();
        for (long intended = firstIntended; intended < window.to(); intended = (long) (intended + interval)) {
            if (window.measures(intended)) {
                counts.unsent++;
                counts.latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (now - intended) / 1000)));
            }
        }
    }

    private static void waitUntil(long instant) {
        for (long now = System.nanoTime(); now < instant; now = System.nanoTime()) {
            LockSupport.parkNanos(instant - now);
        }
    }

    private void joinAll(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds())
                + TimeUnit.MILLISECONDS.toNanos(2L * options.timeoutMillis());
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load threads", e);
            }
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " still runs after its phase: the service hangs");
            }
        }
    }

    private static PhaseResult merge(String name, int offered, int connections, int seconds, List<Counts> counts,
                                     CpuTimes used) {
        Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        long completed = 0;
        long errors = 0;
        long unsent = 0;
        String sample = "";
        for (Counts each : counts) {
            latency.add(each.latency);
            completed += each.completed;
            errors += each.errors;
            unsent += each.unsent;
            sample = sample.isEmpty() ? each.errorSample : sample;
        }
        return new PhaseResult(name, offered, connections, seconds, completed, errors, unsent, latency, used, sample);
    }
}
