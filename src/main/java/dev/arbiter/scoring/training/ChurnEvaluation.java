package dev.arbiter.scoring.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tribuo.Tribuo;

import dev.arbiter.scoring.ChurnPrediction;
import dev.arbiter.scoring.Contribution;
import dev.arbiter.scoring.ProfileFeatures;
import dev.arbiter.scoring.TribuoChurnClassifier;

/** Evaluates the churn model on the held-out test part and writes the churn report. */
final class ChurnEvaluation {

    /** The retention policy's threshold (POLICIES.md §5). */
    static final double POLICY_THRESHOLD = 0.7;
    /** The fields of DESIGN.md's example profile: how well the model does when a caller sends only these. */
    static final Set<String> SPARSE_PROFILE = Set.of("tenureMonths", "contract", "monthlyCharges");
    private static final List<String> LABELS = List.of("No", ChurnTraining.CHURN);

    private final ChurnTraining.Fitted fitted;
    private final List<ChurnTraining.Customer> test;
    private final double[] risk;
    private final double[] uncalibratedRisk;
    private final boolean[] churned;
    private final ClassificationMetrics metrics;

    ChurnEvaluation(ChurnTraining.Fitted fitted) {
        this.fitted = fitted;
        this.test = fitted.parts().test();
        this.risk = risks(fitted.classifier(), test, null);
        this.uncalibratedRisk = risks(fitted.uncalibrated(), test, null);
        this.churned = new boolean[test.size()];
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            churned[i] = test.get(i).label().equals(ChurnTraining.CHURN);
            predicted.add(risk[i] >= 0.5 ? ChurnTraining.CHURN : "No");
        }
        this.metrics = ClassificationMetrics.of(LABELS, test.stream().map(ChurnTraining.Customer::label).toList(), predicted);
    }

    private static double[] risks(TribuoChurnClassifier classifier, List<ChurnTraining.Customer> customers, Set<String> onlyFields) {
        return customers.stream().mapToDouble(c -> {
            Map<String, Object> profile = new LinkedHashMap<>(c.profile());
            if (onlyFields != null) {
                profile.keySet().retainAll(onlyFields);
            }
            return classifier.predict(profile).risk();
        }).toArray();
    }

    /** @return the headline numbers, by name */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rocAuc", RocAuc.of(risk, churned));
        summary.put("f1Churn", metrics.of(ChurnTraining.CHURN).f1());
        summary.put("accuracy", metrics.accuracy());
        summary.put("macroF1", metrics.macroF1());
        summary.put("eceBefore", Reliability.of(uncalibratedRisk, churned, Predictions.RELIABILITY_BINS).ece());
        summary.put("eceAfter", Reliability.of(risk, churned, Predictions.RELIABILITY_BINS).ece());
        summary.put("temperature", fitted.classifier().settings().temperature());
        summary.put("rocAucSparseProfile", RocAuc.of(risks(fitted.classifier(), test, SPARSE_PROFILE), churned));
        return summary;
    }

    Report report(ChurnTraining.Options options, String dataHash, int customers, long modelBytes) {
        Map<String, Object> summary = summary();
        Report report = new Report();
        report.heading(1, "Churn model — evaluation report")
                .paragraph("Written by `java -jar arbiter.jar train churn` (class `dev.arbiter.scoring.training.ChurnTraining`). "
                        + "Every number below is measured on the held-out test part, which the model never saw in training or "
                        + "calibration.")
                .put("summary", summary);
        report.heading(2, "Headline").table(List.of("measure", "value", "target", "met"), List.of(
                List.of("ROC AUC", summary.get("rocAuc"), "≥ 0.80", (double) summary.get("rocAuc") >= 0.80 ? "yes" : "**no**"),
                List.of("F1 of the churn class (risk ≥ 0.5)", summary.get("f1Churn"), "", ""),
                List.of("accuracy (risk ≥ 0.5)", metrics.accuracy(), "", ""),
                List.of("macro-F1", metrics.macroF1(), "", ""),
                List.of("ECE before → after temperature scaling", Report.number((double) summary.get("eceBefore")) + " → "
                        + Report.number((double) summary.get("eceAfter")), "", ""),
                List.of("ROC AUC with only tenureMonths, contract, monthlyCharges sent", summary.get("rocAucSparseProfile"), "", "")));
        data(report, options, dataHash, customers, modelBytes);
        report.heading(2, "Held-out test part: classification at risk ≥ 0.5").put("test", metrics).classification(metrics);
        policyThreshold(report);
        double temperature = fitted.classifier().settings().temperature();
        report.heading(2, "Calibration of the risk (held-out test part)")
                .paragraph("Each bin compares the mean predicted risk with the share that really left. Temperature fitted on the "
                        + "validation part: T = " + Report.number(temperature, 3) + ".")
                .reliability("Before (T = 1)", Reliability.of(uncalibratedRisk, churned, Predictions.RELIABILITY_BINS), "share that left")
                .reliability("After (T = " + Report.number(temperature, 3) + ")", Reliability.of(risk, churned, Predictions.RELIABILITY_BINS),
                        "share that left")
                .put("calibration", Map.of("temperature", temperature,
                        "before", Reliability.of(uncalibratedRisk, churned, Predictions.RELIABILITY_BINS),
                        "after", Reliability.of(risk, churned, Predictions.RELIABILITY_BINS)));
        weights(report);
        defaults(report);
        examples(report);
        return report;
    }

    private void data(Report report, ChurnTraining.Options options, String dataHash, int customers, long modelBytes) {
        StratifiedSplit.Parts<ChurnTraining.Customer> parts = fitted.parts();
        report.heading(2, "Data and model")
                .paragraph("Customers: `" + options.data().getFileName() + "` (SHA-256 `" + dataHash + "`), " + customers + " rows. "
                        + "Split (stratified by Churn, seed " + options.seed() + "): " + parts.train().size() + " training, "
                        + parts.validation().size() + " validation (temperature), " + parts.test().size() + " test. Columns not read: "
                        + String.join(", ", ProfileFeatures.EXCLUDED_COLUMNS) + " (an identifier and two protected attributes).")
                .paragraph("Tribuo " + Tribuo.VERSION + " `LinearSGDTrainer`: logistic regression (log loss), AdaGrad (learning rate "
                        + ChurnTraining.SGD_SETTINGS.learningRate() + "), " + ChurnTraining.SGD_SETTINGS.epochs() + " epochs, seed "
                        + options.seed() + ". Features (`" + ProfileFeatures.ALGORITHM + "`): each number standardised and as "
                        + "standardised log(1 + x); one indicator per known value of each yes/no or category field: "
                        + fitted.model().getFeatureIDMap().size() + " features, model file " + modelBytes + " bytes. Version: `"
                        + fitted.classifier().model().version() + "`.")
                .put("data", Map.of("file", options.data().getFileName().toString(), "sha256", dataHash, "customers", customers,
                        "train", parts.train().size(), "validation", parts.validation().size(), "test", parts.test().size(), "seed", options.seed()))
                .put("model", Map.of("tribuo", Tribuo.VERSION, "features", fitted.model().getFeatureIDMap().size(), "bytes", modelBytes,
                        "version", fitted.classifier().model().version()));
    }

    private void policyThreshold(Report report) {
        int flagged = 0;
        int flaggedChurned = 0;
        int allChurned = 0;
        for (int i = 0; i < risk.length; i++) {
            flagged += risk[i] >= POLICY_THRESHOLD ? 1 : 0;
            flaggedChurned += risk[i] >= POLICY_THRESHOLD && churned[i] ? 1 : 0;
            allChurned += churned[i] ? 1 : 0;
        }
        double precision = flagged == 0 ? 0 : (double) flaggedChurned / flagged;
        double recall = (double) flaggedChurned / allChurned;
        report.heading(2, "At the retention policy's threshold (risk ≥ " + POLICY_THRESHOLD + ")")
                .table(List.of("flagged", "share flagged", "precision (share of flagged who left)", "recall (share of leavers flagged)"),
                        List.of(List.of(flagged + " / " + risk.length, (double) flagged / risk.length, precision, recall)))
                .put("policyThreshold", Map.of("threshold", POLICY_THRESHOLD, "flagged", flagged, "precision", precision, "recall", recall));
    }

    private void weights(Report report) {
        List<Map.Entry<String, Double>> weights = new ArrayList<>(fitted.classifier().logOddsWeights().entrySet());
        weights.sort(Map.Entry.<String, Double>comparingByValue(Comparator.comparingDouble(Math::abs)).reversed());
        List<List<?>> rows = new ArrayList<>();
        weights.forEach(w -> rows.add(List.of("`" + w.getKey() + "`", w.getValue(), fitted.classifier().settings().featureMeans().get(w.getKey()))));
        report.heading(2, "What the model learned")
                .paragraph("Weights on the calibrated churn log-odds, largest first (positive raises the risk). A driver is weight × "
                        + "(value − training mean), summed per field; numbers are standardised, so their means are 0.")
                .table(List.of("feature", "weight", "training mean"), rows)
                .put("weights", fitted.classifier().logOddsWeights());
    }

    private void defaults(Report report) {
        List<List<?>> rows = new ArrayList<>();
        fitted.classifier().settings().profile().defaults().forEach((field, value) -> rows.add(List.of("`" + field + "`",
                ProfileFeatures.readable(field, value).substring(field.length() + 1),
                value instanceof Number ? "median of the training part" : "most frequent value in the training part")));
        report.heading(2, "Defaults for missing fields")
                .paragraph("A field the caller does not send, or a category value the model never saw, gets this default; the "
                        + "trace lists every default applied, and a driver built on a default says `(default)`.")
                .table(List.of("field", "default", "rule"), rows)
                .put("defaults", fitted.classifier().settings().profile().defaults());
    }

    private void examples(Report report) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> risk[i]).reversed());
        List<List<?>> rows = new ArrayList<>();
        for (int i : List.of(order.get(0), order.get(order.size() / 2), order.get(order.size() - 1))) {
            ChurnPrediction prediction = fitted.classifier().predict(test.get(i).profile());
            rows.add(List.of(prediction.risk(), test.get(i).label(), drivers(prediction)));
        }
        ChurnPrediction sparse = fitted.classifier().predict(Map.of("tenureMonths", 2, "contract", "Month-to-month", "monthlyCharges", 95.5));
        rows.add(List.of(sparse.risk(), "(made up: tenureMonths 2, Month-to-month, 95.5 a month; the rest defaulted)", drivers(sparse)));
        report.heading(2, "Examples of drivers")
                .paragraph("The riskiest, the median and the safest test customer, and a sparse made-up profile:")
                .table(List.of("risk", "left?", "drivers (log-odds contribution)"), rows);
    }

    private static String drivers(ChurnPrediction prediction) {
        return prediction.drivers().isEmpty() ? "none raise the risk"
                : prediction.drivers().stream().map(ChurnEvaluation::driver).collect(Collectors.joining(", "));
    }

    private static String driver(Contribution contribution) {
        return "`" + contribution.feature() + "` +" + Report.number(contribution.weight(), 2);
    }
}
