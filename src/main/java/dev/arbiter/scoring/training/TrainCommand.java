package dev.arbiter.scoring.training;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code train} mode of the service's jar: trains a model from a CSV without starting the service.
 * <pre>
 * java -jar arbiter.jar train intent --data messages.csv [--out-of-scope data_full.json] [--out models] [--seed 42]
 * java -jar arbiter.jar train churn  --data telco.csv [--out models] [--seed 42]
 * </pre>
 */
public final class TrainCommand {

    /** Tribuo logs each training run's label counts at INFO through java.util.logging; the report has them. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    /** The seed used when none is given: the shipped models were trained with it. */
    static final long DEFAULT_SEED = 42;
    static final String USAGE = """
            Usage:
              java -jar arbiter.jar train intent --data <csv with columns instruction,intent> \\
                  [--out-of-scope <CLINC150 data_full.json>] [--out <dir, default models>] [--seed <n, default 42>]
              java -jar arbiter.jar train churn --data <IBM Telco churn csv> [--out <dir, default models>] [--seed <n, default 42>]
            See models/README.md.""";

    private TrainCommand() {
    }

    /**
     * @param args the arguments after {@code train}
     * @return the process exit code: 0 done, 2 bad arguments, 1 training failed
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        String what;
        try {
            if (args.length == 0 || !Set.of("intent", "churn").contains(args[0])) {
                throw new IllegalArgumentException(args.length == 0 ? "say what to train: intent or churn"
                        : "unknown model '" + args[0] + "': train intent or churn");
            }
            what = args[0];
            options = options(List.of(args).subList(1, args.length),
                    what.equals("intent") ? Set.of("--data", "--out-of-scope", "--out", "--seed") : Set.of("--data", "--out", "--seed"));
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        Path data = Path.of(options.get("--data"));
        Path directory = Path.of(options.getOrDefault("--out", "models"));
        long seed = Long.parseLong(options.getOrDefault("--seed", String.valueOf(DEFAULT_SEED)));
        try {
            Path modelFile;
            Path report;
            if (what.equals("intent")) {
                Path outOfScope = options.containsKey("--out-of-scope") ? Path.of(options.get("--out-of-scope")) : null;
                IntentTraining.Result result = IntentTraining.run(new IntentTraining.Options(data, outOfScope, directory, seed,
                        IntentTraining.PER_INTENT_CANDIDATES), out);
                modelFile = result.modelFile();
                report = result.report();
                out.println("Intent model: " + result.summary());
            } else {
                ChurnTraining.Result result = ChurnTraining.run(new ChurnTraining.Options(data, directory, seed), out);
                modelFile = result.modelFile();
                report = result.report();
                out.println("Churn model: " + result.summary());
            }
            out.println("Wrote " + modelFile + " (" + Files.size(modelFile) + " bytes), its -settings.json and -provenance.json, and "
                    + report + " (+ .json)");
            return 0;
        } catch (Exception e) {
            err.println("train " + what + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(List<String> args, Set<String> allowed) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, args.get(i + 1));
        }
        if (!options.containsKey("--data")) {
            throw new IllegalArgumentException("--data is required");
        }
        for (String file : List.of("--data", "--out-of-scope")) {
            if (options.containsKey(file) && !Files.isRegularFile(Path.of(options.get(file)))) {
                throw new IllegalArgumentException(file + " " + options.get(file) + ": no such file");
            }
        }
        if (options.containsKey("--seed")) {
            try {
                Long.parseLong(options.get("--seed"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be a whole number, got '" + options.get("--seed") + "'");
            }
        }
        return options;
    }
}
