package dev.arbiter.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link LoadGenerator} does, from its command line ({@code --name value} pairs; see {@link #USAGE}).
 *
 * @param target          the service's base address, {@code http://127.0.0.1:PORT} (plain HTTP only)
 * @param requests        the JSON-lines request mix ({@link ScenarioRequests})
 * @param keysFile        the service's initial-keys file; when it exists its {@code DECISION_CLIENT} key is sent as
 *                        {@code X-API-Key}, when it does not no key is sent; null for never
 * @param connections     connections (one thread each) of the fixed-rate phases
 * @param warmupConnections connections of the warm-up
 * @param maxConnections  connections of the max-throughput phases, one phase per entry (throughput peaks at a few
 *                        connections when the service computes, and needs more when it waits for commits)
 * @param rates           the fixed offered rates in requests per second, in order
 * @param max             whether a closed-loop max-throughput phase follows the fixed rates
 * @param firstRequests   requests sent one after another before anything else (0 for none)
 * @param warmupSeconds   longest closed-loop warm-up before the first phase (excluded from every figure); it ends
 *                        earlier once the throughput stopped rising, but not before {@code warmupMinSeconds}
 * @param warmupMinSeconds shortest warm-up
 * @param settleSeconds   start of every phase excluded from its figures
 * @param seconds         measured length of every phase
 * @param drainSeconds    how long a fixed-rate phase may run past its end to send what fell behind
 * @param timeoutMillis   read timeout of one response
 * @param servicePid      the service's process id for the CPU split; 0 for none
 * @param label           first column of every row written to {@code out}
 * @param out             tab-separated results, appended; null for none
 * @param histograms      folder for one HdrHistogram percentile file per phase; null for none
 */
record LoadOptions(URI target, Path requests, Path keysFile, int connections, int warmupConnections,
                   List<Integer> maxConnections,
                   List<Integer> rates,
                   boolean max, int firstRequests, int warmupSeconds, int warmupMinSeconds, int settleSeconds, int seconds,
                   int drainSeconds, int timeoutMillis, long servicePid, String label, Path out, Path histograms) {

    static final String USAGE = """
            usage: LoadGenerator --target http://127.0.0.1:PORT --requests FILE [options]
              --keys-file FILE        initial-keys file of the service (DECISION_CLIENT=... sent as X-API-Key if present)
              --connections N         connections of the fixed-rate phases (default 32)
              --warmup-connections N  connections of the warm-up (default 16)
              --max-connections N,..  connections of the max-throughput phases, one phase each (default 4,16,64)
              --rates R1,R2,...       fixed offered rates per second (default 1000,2000,4000,6000; "" for none)
              --max true|false        closed-loop max-throughput phases after the rates (default true)
              --first N               requests sent one at a time right after start (default 200)
              --warmup S              longest closed-loop warm-up before the phases, in 10 s slices; it stops
                                      when 3 slices in a row were not 3 % faster than the best before (default
                                      300: the JIT needs minutes to compile the whole HTTP path on 2 busy cores)
              --warmup-min S          shortest warm-up (default 120; other load on the machine can stall a slice)
              --settle S              seconds at the start of each phase left out of its figures (default 5)
              --seconds S             measured seconds per phase (default 30)
              --drain S               seconds a fixed-rate phase may overrun to send what fell behind (default 10)
              --timeout-ms N          read timeout per response (default 30000)
              --service-pid PID       service process, for the CPU split (Linux /proc)
              --label TEXT            first column of the rows written to --out (default "run")
              --out FILE              append tab-separated results to FILE
              --histograms DIR        write one HdrHistogram percentile distribution per phase to DIR""";

    private static final Set<String> NAMES = Set.of("target", "requests", "keys-file", "connections", "warmup-connections", "max-connections",
            "rates", "max", "first", "warmup", "warmup-min", "settle", "seconds", "drain", "timeout-ms", "service-pid", "label", "out",
            "histograms");

    /** @throws IllegalArgumentException naming the option that is missing, unknown or not valid */
    static LoadOptions parse(String[] args) {
        Map<String, String> given = pairs(args);
        URI target = URI.create(required(given, "target"));
        if (!"http".equals(target.getScheme()) || target.getHost() == null || target.getPort() < 0) {
            throw new IllegalArgumentException("--target must be http://HOST:PORT, not " + target);
        }
        int connections = positive(given, "connections", 32);
        return new LoadOptions(target, Path.of(required(given, "requests")), path(given, "keys-file"), connections,
                positive(given, "warmup-connections", 16),
                numbers("--max-connections", given.getOrDefault("max-connections", "4,16,64")),
                numbers("--rates", given.getOrDefault("rates", "1000,2000,4000,6000")),
                Boolean.parseBoolean(given.getOrDefault("max", "true")), atLeastZero(given, "first", 200),
                atLeastZero(given, "warmup", 300), atLeastZero(given, "warmup-min", 120),
                atLeastZero(given, "settle", 5), positive(given, "seconds", 30),
                atLeastZero(given, "drain", 10), positive(given, "timeout-ms", 30_000),
                Long.parseLong(given.getOrDefault("service-pid", "0")), given.getOrDefault("label", "run"),
                path(given, "out"), path(given, "histograms"));
    }

    private static Map<String, String> pairs(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs: " + Arrays.toString(args));
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            given.put(name, args[i + 1]);
        }
        return given;
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Path path(Map<String, String> given, String name) {
        String value = given.get(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static int positive(Map<String, String> given, String name, int fallback) {
        int value = atLeastZero(given, name, fallback);
        if (value == 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }

    private static int atLeastZero(Map<String, String> given, String name, int fallback) {
        try {
            int value = Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)).trim());
            if (value < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + given.get(name), e);
        }
    }

    private static List<Integer> numbers(String option, String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String each : list.split(",")) {
            if (!each.isBlank()) {
                try {
                    int number = Integer.parseInt(each.trim());
                    if (number <= 0) {
                        throw new IllegalArgumentException(option + " must be positive numbers, not " + each);
                    }
                    numbers.add(number);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " must be numbers separated by commas, not " + list, e);
                }
            }
        }
        return List.copyOf(numbers);
    }
}
