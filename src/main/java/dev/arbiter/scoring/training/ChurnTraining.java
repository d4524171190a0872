package dev.arbiter.scoring.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.classification.sgd.linear.LinearSGDModel;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import dev.arbiter.scoring.ChurnModelSettings;
import dev.arbiter.scoring.FeatureVector;
import dev.arbiter.scoring.ModelFiles;
import dev.arbiter.scoring.ProfileFeatures;
import dev.arbiter.scoring.TribuoChurnClassifier;

/**
 * Trains the churn model from the IBM Telco customer churn CSV (or any CSV with its columns): stratified 60/20/20
 * split with a fixed seed, defaults and scales fitted on the training part, Tribuo logistic regression, temperature
 * fitted on the validation part. Writes the model files and the report ({@link ChurnEvaluation}).
 */
final class ChurnTraining {

    static final String LABEL_COLUMN = "Churn";
    static final String CHURN = "Yes";
    static final double VALIDATION_SHARE = 0.2;
    static final double TEST_SHARE = 0.2;
    /** Epochs and learning rate; the seed is the run's. */
    static final LinearTraining.Sgd SGD_SETTINGS = new LinearTraining.Sgd(20, 0.05, 0);

    /**
     * @param data the CSV
     * @param out  where to write the model and report
     * @param seed the seed of the split and the example order
     */
    record Options(Path data, Path out, long seed) {
    }

    /** One customer: the canonical profile and whether they left. */
    record Customer(Map<String, Object> profile, String label) {
    }

    /** What a training run produced: the files and the report's numbers. */
    record Result(Path modelFile, Path report, Map<String, Object> summary) {
    }

    /**
     * A trained and calibrated churn model with its split.
     *
     * @param uncalibrated the same model with temperature 1
     */
    record Fitted(StratifiedSplit.Parts<Customer> parts, LinearSGDModel model, TribuoChurnClassifier classifier,
                  TribuoChurnClassifier uncalibrated) {
    }

    private ChurnTraining() {
    }

    static Result run(Options options, PrintStream progress) throws IOException {
        String dataHash = ModelFiles.sha256(Files.readAllBytes(options.data()));
        List<Customer> customers = read(options.data());
        progress.printf("Read %d customers from %s%n", customers.size(), options.data());
        Fitted fitted = fit(customers, options.seed(), dataHash);
        Path modelFile = ModelFiles.write(options.out(), ModelFiles.CHURN, fitted.model(), fitted.classifier().settings());
        ChurnEvaluation evaluation = new ChurnEvaluation(fitted);
        Path report = evaluation.report(options, dataHash, customers.size(), Files.size(modelFile)).write(options.out(), ModelFiles.CHURN);
        return new Result(modelFile, report, evaluation.summary());
    }

    static List<Customer> read(Path file) throws IOException {
        List<String> columns = new ArrayList<>(ProfileFeatures.FIELDS.stream().map(ProfileFeatures.Field::column).toList());
        columns.add(LABEL_COLUMN);
        CsvReader.Table table = CsvReader.read(file).requireColumns(file.toString(), columns);
        List<Customer> customers = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            Map<String, String> row = table.rows().get(r);
            String label = row.get(LABEL_COLUMN).trim();
            if (!label.equals("Yes") && !label.equals("No")) {
                throw new IllegalArgumentException(file + ", record " + (r + 1) + ": " + LABEL_COLUMN + " must be Yes or No, got '" + label + "'");
            }
            try {
                customers.add(new Customer(ProfileFeatures.fromCsv(row), label));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ", record " + (r + 1) + ": " + e.getMessage(), e);
            }
        }
        return customers;
    }

    static Fitted fit(List<Customer> customers, long seed, String dataHash) {
        StratifiedSplit.Parts<Customer> parts = StratifiedSplit.split(customers, Customer::label, VALIDATION_SHARE, TEST_SHARE, seed);
        ProfileFeatures features = ProfileFeatures.fit(parts.train().stream().map(Customer::profile).toList());
        List<FeatureVector> vectors = parts.train().stream().map(c -> features.features(features.complete(c.profile()))).toList();
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        provenance.put("data-sha256", new StringProvenance("data-sha256", dataHash));
        provenance.put("featuriser", new StringProvenance("featuriser", ProfileFeatures.ALGORITHM));
        provenance.put("excluded-columns", new StringProvenance("excluded-columns", String.join(",", ProfileFeatures.EXCLUDED_COLUMNS)));
        provenance.put("split", new StringProvenance("split", "stratified train/validation/test "
                + (1 - VALIDATION_SHARE - TEST_SHARE) + "/" + VALIDATION_SHARE + "/" + TEST_SHARE));
        provenance.put("seed", new LongProvenance("seed", seed));
        LinearSGDModel model = LinearTraining.train(vectors, parts.train().stream().map(Customer::label).toList(), Map.of(),
                "churn training part: " + parts.train().size() + " customers (seed " + seed + ")",
                SGD_SETTINGS.withSeed(seed), provenance);
        ChurnModelSettings uncalibratedSettings = new ChurnModelSettings(ModelFiles.version(model), ProfileFeatures.ALGORITHM,
                features, 1.0, CHURN, means(vectors));
        TribuoChurnClassifier uncalibrated = TribuoChurnClassifier.of(model, uncalibratedSettings);
        List<double[]> logits = parts.validation().stream()
                .map(c -> new double[] {uncalibrated.rawLogOdds(features.complete(c.profile())), 0}).toList();
        int[] truth = parts.validation().stream().mapToInt(c -> c.label().equals(CHURN) ? 0 : 1).toArray();
        double temperature = TemperatureScaling.fit(logits, truth);
        TribuoChurnClassifier classifier = TribuoChurnClassifier.of(model, new ChurnModelSettings(uncalibratedSettings.modelVersion(),
                ProfileFeatures.ALGORITHM, features, temperature, CHURN, uncalibratedSettings.featureMeans()));
        return new Fitted(parts, model, classifier, uncalibrated);
    }

    private static Map<String, Double> means(List<FeatureVector> vectors) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (FeatureVector vector : vectors) {
            for (int i = 0; i < vector.size(); i++) {
                sums.merge(vector.names()[i], vector.values()[i], Double::sum);
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum / vectors.size()));
        return means;
    }
}
