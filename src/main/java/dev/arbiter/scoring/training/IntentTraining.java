package dev.arbiter.scoring.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.tribuo.classification.sgd.linear.LinearSGDModel;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import dev.arbiter.scoring.FeatureVector;
import dev.arbiter.scoring.IntentModelSettings;
import dev.arbiter.scoring.LinearWeights;
import dev.arbiter.scoring.ModelFiles;
import dev.arbiter.scoring.TextFeatures;
import dev.arbiter.scoring.TribuoIntentClassifier;

/**
 * Trains the intent model from a CSV with columns {@code instruction} (the message) and {@code intent} (the label),
 * plus an {@code out_of_scope} label from CLINC150 when given: stratified 70/15/15 split with a fixed seed, rare
 * features pruned, Tribuo logistic regression, temperature fitted on the validation part; the number of CLINC queries
 * per intent is chosen on CLINC's {@code oos_val} only. Writes the model files and the report.
 */
final class IntentTraining {

    static final String TEXT_COLUMN = "instruction";
    static final String LABEL_COLUMN = "intent";
    static final double VALIDATION_SHARE = 0.15;
    static final double TEST_SHARE = 0.15;
    /** A feature must occur in at least this many training messages to be kept. */
    static final int MIN_DOCUMENT_FREQUENCY = 5;
    /** Epochs and learning rate; the seed is the run's. */
    static final LinearTraining.Sgd SGD_SETTINGS = new LinearTraining.Sgd(8, 0.5, 0);
    static final int SHORT_MESSAGE_WORDS = 4;
    static final double CONTEXT_BELOW = 0.95;
    static final double CONTEXT_WEIGHT = 0.75;
    /** Noisy copies ({@link Augmentation}) added per customer-service training message. */
    static final int AUGMENTED_COPIES = 1;
    /** The out-of-scope examples together weigh as much as this many average intents (when they would weigh more). */
    static final double OUT_OF_SCOPE_WEIGHT = 1;
    /** Candidates for the CLINC training queries per non-overlapping intent; chosen on oos_val. */
    static final List<Integer> PER_INTENT_CANDIDATES = List.of(3, 5, 10);
    /** Tuning rule: the candidate with the most customer-service validation messages automated at the lower
     * threshold, among those that automate at most this share of oos_val (else the one that automates the least of it). */
    static final double OOS_VALIDATION_LIMIT = 0.05;
    static final double[] THRESHOLDS = {0.85, 0.92};

    /**
     * @param data        the CSV of labelled messages
     * @param outOfScope  CLINC150's data_full.json, or null to train without an out-of-scope label
     * @param out         where to write the model and report
     * @param seed        the seed of the split, the example order and the CLINC sample
     * @param perIntent   the CLINC queries per intent to try (one value skips the tuning)
     */
    record Options(Path data, Path outOfScope, Path out, long seed, List<Integer> perIntent) {
    }

    /** One labelled message. */
    record Text(String text, String label) {
    }

    /**
     * A trained and calibrated candidate.
     *
     * @param perIntent   CLINC queries per intent it was trained with
     * @param parts       its split
     * @param model       the Tribuo model
     * @param classifier  the model with its settings, as the service would load it
     * @param uncalibrated the same model with temperature 1
     * @param validation  its automation of the customer-service messages of the validation part at {@link #THRESHOLDS}[0]
     * @param oosValidation its automation of oos_val at {@link #THRESHOLDS}[0], or null without CLINC data
     */
    record Fitted(int perIntent, StratifiedSplit.Parts<Text> parts, LinearSGDModel model, TribuoIntentClassifier classifier,
                  TribuoIntentClassifier uncalibrated, Automation validation, Automation oosValidation) {
    }

    /** What a training run produced: the files and the report's numbers. */
    record Result(Path modelFile, Path report, Map<String, Object> summary) {
    }

    private IntentTraining() {
    }

    static Result run(Options options, PrintStream progress) throws IOException {
        String dataHash = ModelFiles.sha256(Files.readAllBytes(options.data()));
        List<Text> messages = read(options.data());
        OutOfScopeQueries clinc = options.outOfScope() == null ? null : OutOfScopeQueries.read(options.outOfScope());
        progress.printf("Read %d distinct messages from %s%n", messages.size(), options.data());
        List<Integer> candidates = clinc == null ? List.of(0) : options.perIntent();
        List<Fitted> tried = new ArrayList<>();
        for (int perIntent : candidates) {
            Fitted fitted = fit(messages, clinc, perIntent, options.seed(), dataHash);
            progress.printf("  %d CLINC queries per intent: %d features, temperature %.3f, customer-service validation automated %.3f, "
                    + "oos_val automated %s%n",
                    perIntent, fitted.model().getFeatureIDMap().size(), fitted.classifier().settings().temperature(),
                    fitted.validation().share(), fitted.oosValidation() == null ? "-" : Report.number(fitted.oosValidation().share(), 3));
            tried.add(fitted);
        }
        Fitted chosen = choose(tried);
        Path modelFile = ModelFiles.write(options.out(), ModelFiles.INTENT, chosen.model(), chosen.classifier().settings());
        IntentEvaluation evaluation = new IntentEvaluation(chosen, clinc, options.seed());
        Report report = evaluation.report(options, dataHash, messages.size(), tried, Files.size(modelFile));
        Path reportFile = report.write(options.out(), ModelFiles.INTENT);
        return new Result(modelFile, reportFile, evaluation.summary());
    }

    /** Reads the messages, dropping repeats of the same normalised text (the first one's label is kept). */
    static List<Text> read(Path file) throws IOException {
        CsvReader.Table table = CsvReader.read(file).requireColumns(file.toString(), List.of(TEXT_COLUMN, LABEL_COLUMN));
        Set<String> seen = new HashSet<>();
        List<Text> messages = new ArrayList<>();
        for (Map<String, String> row : table.rows()) {
            String text = row.get(TEXT_COLUMN).trim();
            String label = row.get(LABEL_COLUMN).trim();
            if (label.equals(OutOfScopeQueries.LABEL)) {
                throw new IllegalArgumentException(file + ": the label " + OutOfScopeQueries.LABEL + " is reserved for CLINC150 queries");
            }
            if (!text.isEmpty() && !label.isEmpty() && seen.add(TextFeatures.normalise(text))) {
                messages.add(new Text(text, label));
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException(file + " has no labelled messages");
        }
        return messages;
    }

    static Fitted fit(List<Text> messages, OutOfScopeQueries clinc, int perIntent, long seed, String dataHash) {
        List<Text> all = new ArrayList<>(messages);
        Set<String> seen = new HashSet<>();
        messages.forEach(m -> seen.add(TextFeatures.normalise(m.text())));
        if (clinc != null) {
            clinc.forTraining(perIntent, seed).stream().filter(q -> seen.add(TextFeatures.normalise(q)))
                    .forEach(q -> all.add(new Text(q, OutOfScopeQueries.LABEL)));
        }
        StratifiedSplit.Parts<Text> parts = StratifiedSplit.split(all, Text::label, VALIDATION_SHARE, TEST_SHARE, seed);
        TextFeatures text = TextFeatures.standard();
        List<Text> training = augmented(parts.train(), seed);
        List<FeatureVector> vectors = prune(training.stream().map(m -> text.features(m.text())).toList());
        Map<String, Provenance> provenance = provenance(text, seed, dataHash, perIntent, clinc);
        LinearSGDModel model = LinearTraining.train(vectors, training.stream().map(Text::label).toList(), labelWeights(training),
                "intent training part: " + parts.train().size() + " messages (seed " + seed + ")",
                SGD_SETTINGS.withSeed(seed), provenance);
        List<String> labels = List.of(LinearWeights.labels(model));
        TribuoIntentClassifier uncalibrated = TribuoIntentClassifier.of(model, new IntentModelSettings(ModelFiles.version(model),
                TextFeatures.ALGORITHM, text, 1.0, SHORT_MESSAGE_WORDS, CONTEXT_BELOW, CONTEXT_WEIGHT, labels));
        List<double[]> logits = parts.validation().stream().map(m -> uncalibrated.rawLogits(m.text(), null)).toList();
        int[] truth = parts.validation().stream().mapToInt(m -> labels.indexOf(m.label())).toArray();
        TribuoIntentClassifier classifier = TribuoIntentClassifier.of(model,
                uncalibrated.settings().withTemperature(TemperatureScaling.fit(logits, truth)));
        Automation validation = Predictions.of(classifier, customerService(parts.validation())).automation(THRESHOLDS[0]);
        Automation oosValidation = clinc == null ? null : Predictions.of(classifier,
                clinc.oosValidation().stream().map(q -> new Text(q, OutOfScopeQueries.LABEL)).toList()).automation(THRESHOLDS[0]);
        return new Fitted(perIntent, parts, model, classifier, uncalibrated, validation, oosValidation);
    }

    /** @return the training messages and, for each customer-service one, {@link #AUGMENTED_COPIES} noisy copies */
    static List<Text> augmented(List<Text> training, long seed) {
        Random random = new Random(seed);
        List<Text> all = new ArrayList<>(training);
        for (Text message : training) {
            for (int copy = 0; copy < AUGMENTED_COPIES && !message.label().equals(OutOfScopeQueries.LABEL); copy++) {
                all.add(new Text(Augmentation.noisy(message.text(), random), message.label()));
            }
        }
        return all;
    }

    /** @return the out-of-scope label's example weight: together they weigh {@link #OUT_OF_SCOPE_WEIGHT} average intents */
    static Map<String, Float> labelWeights(List<Text> training) {
        Map<String, Integer> counts = new HashMap<>();
        training.forEach(t -> counts.merge(t.label(), 1, Integer::sum));
        int outOfScope = counts.getOrDefault(OutOfScopeQueries.LABEL, 0);
        if (outOfScope == 0) {
            return Map.of();
        }
        double perIntent = (double) (training.size() - outOfScope) / (counts.size() - 1);
        return Map.of(OutOfScopeQueries.LABEL, (float) Math.min(1, OUT_OF_SCOPE_WEIGHT * perIntent / outOfScope));
    }

    /** @return the vectors without the features that occur in fewer than {@link #MIN_DOCUMENT_FREQUENCY} of them */
    static List<FeatureVector> prune(List<FeatureVector> vectors) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        vectors.forEach(v -> {
            for (String name : v.names()) {
                documentFrequency.merge(name, 1, Integer::sum);
            }
        });
        List<FeatureVector> pruned = new ArrayList<>(vectors.size());
        for (FeatureVector vector : vectors) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < vector.size(); i++) {
                if (documentFrequency.get(vector.names()[i]) >= MIN_DOCUMENT_FREQUENCY) {
                    names.add(vector.names()[i]);
                    values.add(vector.values()[i]);
                }
            }
            pruned.add(new FeatureVector(names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return pruned;
    }

    private static Fitted choose(List<Fitted> tried) {
        Fitted best = null;
        for (Fitted fitted : tried) {
            if (best == null || better(fitted, best)) {
                best = fitted;
            }
        }
        return best;
    }

    private static boolean better(Fitted candidate, Fitted best) {
        if (candidate.oosValidation() == null) {
            return candidate.validation().share() > best.validation().share();
        }
        boolean candidateWithin = candidate.oosValidation().share() <= OOS_VALIDATION_LIMIT;
        boolean bestWithin = best.oosValidation().share() <= OOS_VALIDATION_LIMIT;
        if (candidateWithin != bestWithin) {
            return candidateWithin;
        }
        return candidateWithin ? candidate.validation().share() > best.validation().share()
                : candidate.oosValidation().share() < best.oosValidation().share();
    }

    /** @return the messages that are not labelled out of scope */
    static List<Text> customerService(List<Text> messages) {
        return messages.stream().filter(m -> !m.label().equals(OutOfScopeQueries.LABEL)).toList();
    }

    private static Map<String, Provenance> provenance(TextFeatures text, long seed, String dataHash, int perIntent,
                                                      OutOfScopeQueries clinc) {
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        provenance.put("data-sha256", new StringProvenance("data-sha256", dataHash));
        provenance.put("featuriser", new StringProvenance("featuriser", TextFeatures.ALGORITHM + " " + text));
        provenance.put("min-document-frequency", new IntProvenance("min-document-frequency", MIN_DOCUMENT_FREQUENCY));
        provenance.put("split", new StringProvenance("split", "stratified train/validation/test "
                + (1 - VALIDATION_SHARE - TEST_SHARE) + "/" + VALIDATION_SHARE + "/" + TEST_SHARE));
        provenance.put("seed", new LongProvenance("seed", seed));
        provenance.put("out-of-scope", new StringProvenance("out-of-scope", clinc == null ? "none"
                : "CLINC150 oos_train + " + perIntent + " train queries per non-overlapping intent, data_full.json SHA-256 " + clinc.sha256()));
        provenance.put("history-context", new StringProvenance("history-context", "messages under " + SHORT_MESSAGE_WORDS
                + " words whose own top intent is below " + CONTEXT_BELOW + " are read with the last history message at weight "
                + CONTEXT_WEIGHT));
        provenance.put("augmented-copies", new IntProvenance("augmented-copies", AUGMENTED_COPIES));
        provenance.put("out-of-scope-weight", new DoubleProvenance("out-of-scope-weight", OUT_OF_SCOPE_WEIGHT));
        return provenance;
    }
}
