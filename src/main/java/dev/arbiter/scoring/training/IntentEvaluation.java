package dev.arbiter.scoring.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tribuo.Tribuo;

import dev.arbiter.scoring.Contribution;
import dev.arbiter.scoring.IntentPrediction;
import dev.arbiter.scoring.LabelScore;
import dev.arbiter.scoring.TribuoIntentClassifier;

/**
 * Evaluates the chosen intent model on the held-out test part (never seen in training, tuning or calibration) and on
 * CLINC150's {@code oos_test}, and writes the intent report.
 */
final class IntentEvaluation {

    /** Colloquial, misspelt and off-topic messages shown in the report with their predictions (written for it). */
    static final List<String> ROBUSTNESS_EXAMPLES = List.of(
            "wheres me parcel", "cant log in", "top up my account", "i wanna cancel my ordr", "how do i get my mony back",
            "refund plz", "wat payment methods do u accept", "forgot my pasword", "i need to spek to a human",
            "chnage my delivery adress", "need my invoce from last month", "u guys are the worst, i want to complain",
            "sign me up for ur newsletter", "how long til my stuff arrives", "whats the weather like tomorrow",
            "give me a recipe for pancakes", "who won the world cup in 2014");

    private final IntentTraining.Fitted fitted;
    private final OutOfScopeQueries clinc;
    private final long seed;
    private final List<String> labels;
    private final Predictions calibrated;
    private final Predictions uncalibrated;
    private final Predictions inScopeOnly;
    private final Predictions oosTest;

    IntentEvaluation(IntentTraining.Fitted fitted, OutOfScopeQueries clinc, long seed) {
        this.fitted = fitted;
        this.clinc = clinc;
        this.seed = seed;
        this.labels = fitted.classifier().settings().labels();
        List<IntentTraining.Text> test = fitted.parts().test();
        this.calibrated = Predictions.of(fitted.classifier(), test);
        this.uncalibrated = Predictions.of(fitted.uncalibrated(), test);
        this.inScopeOnly = Predictions.of(fitted.classifier(), IntentTraining.customerService(test));
        this.oosTest = clinc == null ? null : Predictions.of(fitted.classifier(),
                clinc.oosTest().stream().map(q -> new IntentTraining.Text(q, OutOfScopeQueries.LABEL)).toList());
    }

    /** @return the headline numbers, by name */
    Map<String, Object> summary() {
        ClassificationMetrics metrics = calibrated.metrics(labels);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accuracy", metrics.accuracy());
        summary.put("macroF1", metrics.macroF1());
        summary.put("eceBefore", uncalibrated.reliability().ece());
        summary.put("eceAfter", calibrated.reliability().ece());
        summary.put("temperature", fitted.classifier().settings().temperature());
        for (double threshold : IntentTraining.THRESHOLDS) {
            Automation automation = calibrated.automation(threshold);
            summary.put("automatedShare@" + threshold, automation.share());
            summary.put("automatedAccuracy@" + threshold, automation.accuracy());
            if (oosTest != null) {
                summary.put("oosTestAutomated@" + threshold, oosTest.automation(threshold).share());
            }
        }
        summary.put("features", fitted.model().getFeatureIDMap().size());
        summary.put("perIntent", fitted.perIntent());
        return summary;
    }

    Report report(IntentTraining.Options options, String dataHash, int messages, List<IntentTraining.Fitted> tried, long modelBytes) {
        Report report = new Report();
        ClassificationMetrics metrics = calibrated.metrics(labels);
        report.heading(1, "Intent model — evaluation report")
                .paragraph("Written by `java -jar arbiter.jar train intent` (class `dev.arbiter.scoring.training.IntentTraining`). "
                        + "Every number below is measured on data the model never saw in training, tuning or calibration, "
                        + "unless it says validation.")
                .put("summary", summary());
        headline(report, metrics);
        data(report, options, dataHash, messages);
        model(report, tried, modelBytes);
        report.heading(2, "Held-out test part: classification").put("test", metrics).classification(metrics);
        calibration(report);
        automation(report);
        outOfScope(report);
        history(report);
        robustness(report);
        report.heading(2, "Label set").paragraph(labels.stream().map(l -> "`" + l + "`").collect(Collectors.joining(", ")))
                .put("labels", labels);
        return report;
    }

    private void headline(Report report, ClassificationMetrics metrics) {
        Automation low = calibrated.automation(IntentTraining.THRESHOLDS[0]);
        Automation high = calibrated.automation(IntentTraining.THRESHOLDS[1]);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("accuracy (top label)", metrics.accuracy(), "", ""));
        rows.add(List.of("macro-F1", metrics.macroF1(), "", ""));
        rows.add(List.of("ECE before → after temperature scaling", Report.number(uncalibrated.reliability().ece()) + " → "
                + Report.number(calibrated.reliability().ece()), "", ""));
        rows.add(List.of("share automated at 0.85 / 0.92", Report.number(low.share()) + " / " + Report.number(high.share()), "", ""));
        rows.add(List.of("accuracy of automated at 0.85", low.accuracy(), "≥ 0.97", verdict(low.accuracy() >= 0.97)));
        rows.add(List.of("accuracy of automated at 0.92", high.accuracy(), "", ""));
        if (oosTest != null) {
            Automation oos = oosTest.automation(IntentTraining.THRESHOLDS[0]);
            rows.add(List.of("CLINC oos_test automated at 0.85", oos.share(), "≤ 0.10", verdict(oos.share() <= 0.10)));
            rows.add(List.of("CLINC oos_test automated at 0.92", oosTest.automation(IntentTraining.THRESHOLDS[1]).share(), "", ""));
        }
        report.heading(2, "Headline").table(List.of("measure", "value", "target", "met"), rows);
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void data(Report report, IntentTraining.Options options, String dataHash, int messages) {
        StratifiedSplit.Parts<IntentTraining.Text> parts = fitted.parts();
        long outOfScope = parts.train().stream().filter(t -> t.label().equals(OutOfScopeQueries.LABEL)).count()
                + parts.validation().stream().filter(t -> t.label().equals(OutOfScopeQueries.LABEL)).count()
                + parts.test().stream().filter(t -> t.label().equals(OutOfScopeQueries.LABEL)).count();
        report.heading(2, "Data")
                .paragraph("Messages: `" + options.data().getFileName() + "` (SHA-256 `" + dataHash + "`), " + messages
                        + " distinct messages after dropping repeats of the same normalised text, " + (labels.size() - (clinc == null ? 0 : 1))
                        + " intents.")
                .paragraph(clinc == null ? "No out-of-scope data was given: the model has no `out_of_scope` label."
                        : "Out of scope: " + outOfScope + " CLINC150 queries (`data_full.json`, SHA-256 `" + clinc.sha256()
                        + "`) labelled `out_of_scope` — all of `oos_train` and "
                        + fitted.perIntent() + " training queries from each of the " + clinc.trainByIntent().size()
                        + " CLINC intents that are not a shop's customer service. Left out as overlapping with our intents: "
                        + OutOfScopeQueries.OVERLAPPING.stream().sorted().map(i -> "`" + i + "`").collect(Collectors.joining(", "))
                        + ". `oos_val` (" + clinc.oosValidation().size() + ") chose the number per intent; `oos_test` ("
                        + clinc.oosTest().size() + ") is used only below.")
                .paragraph("Split (stratified by label, seed " + options.seed() + "): " + parts.train().size() + " training, "
                        + parts.validation().size() + " validation (temperature, tuning), " + parts.test().size() + " test.")
                .put("data", Map.of("file", options.data().getFileName().toString(), "sha256", dataHash, "messages", messages,
                        "train", parts.train().size(), "validation", parts.validation().size(), "test", parts.test().size(),
                        "outOfScopeExamples", outOfScope, "seed", options.seed()));
    }

    private void model(Report report, List<IntentTraining.Fitted> tried, long modelBytes) {
        var settings = fitted.classifier().settings();
        report.heading(2, "Model")
                .paragraph("Tribuo " + Tribuo.VERSION + " `LinearSGDTrainer`: multinomial logistic regression (log loss), AdaGrad "
                        + "(learning rate " + IntentTraining.SGD_SETTINGS.learningRate() + "), " + IntentTraining.SGD_SETTINGS.epochs()
                        + " epochs, one example per step, seed " + seed + "; each customer-service training message also once as a noisy "
                        + "copy (slang, one typo; `Augmentation`); the out-of-scope examples weighted to count as one average intent. "
                        + "Features (`" + settings.featuriser() + "`): words, word "
                        + "pairs and character " + settings.text().minGram() + "–" + settings.text().maxGram() + "-grams within words, "
                        + "L2-normalised; features in fewer than " + IntentTraining.MIN_DOCUMENT_FREQUENCY + " training messages "
                        + "(noisy copies included) dropped: **" + fitted.model().getFeatureIDMap().size() + " features**, model file **" + modelBytes
                        + " bytes**. Temperature fitted on the validation part: **T = " + Report.number(settings.temperature(), 3)
                        + "**. Version (SHA-256 of the provenance): `" + fitted.classifier().model().version() + "`.")
                .put("model", Map.of("tribuo", Tribuo.VERSION, "features", fitted.model().getFeatureIDMap().size(),
                        "bytes", modelBytes, "temperature", settings.temperature(), "version", fitted.classifier().model().version(),
                        "epochs", IntentTraining.SGD_SETTINGS.epochs(), "learningRate", IntentTraining.SGD_SETTINGS.learningRate()));
        if (tried.size() > 1) {
            List<List<?>> rows = new ArrayList<>();
            tried.forEach(t -> rows.add(List.of(t.perIntent(), t.model().getFeatureIDMap().size(),
                    Report.number(t.classifier().settings().temperature(), 3), t.validation().share(), t.validation().accuracy(),
                    t.oosValidation().share(), t.perIntent() == fitted.perIntent() ? "**chosen**" : "")));
            report.paragraph("Tuning: CLINC queries per intent, chosen on `oos_val` (the most validation messages automated at "
                            + IntentTraining.THRESHOLDS[0] + " among those automating at most " + IntentTraining.OOS_VALIDATION_LIMIT
                            + " of `oos_val`):")
                    .table(List.of("per intent", "features", "T", "validation automated", "accuracy of automated", "oos_val automated", ""), rows)
                    .put("tuning", tried.stream().map(t -> Map.of("perIntent", t.perIntent(), "validationAutomated", t.validation().share(),
                            "validationAccuracy", t.validation().accuracy(), "oosValAutomated", t.oosValidation().share())).toList());
        }
    }

    private void calibration(Report report) {
        List<double[]> logits = fitted.parts().test().stream().map(t -> fitted.uncalibrated().rawLogits(t.text(), null)).toList();
        int[] truth = fitted.parts().test().stream().mapToInt(t -> labels.indexOf(t.label())).toArray();
        double temperature = fitted.classifier().settings().temperature();
        double nllBefore = TemperatureScaling.negativeLogLikelihood(logits, truth, 1);
        double nllAfter = TemperatureScaling.negativeLogLikelihood(logits, truth, temperature);
        report.heading(2, "Calibration (held-out test part)")
                .paragraph("Temperature scaling divides the logits by T = " + Report.number(temperature, 3) + " (fitted on the validation "
                        + "part by minimising the negative log-likelihood). On the test part the negative log-likelihood goes from "
                        + Report.number(nllBefore) + " to " + Report.number(nllAfter) + ".")
                .reliability("Before (T = 1)", uncalibrated.reliability(), "share right")
                .reliability("After (T = " + Report.number(temperature, 3) + ")", calibrated.reliability(), "share right")
                .put("calibration", Map.of("temperature", temperature, "nllBefore", nllBefore, "nllAfter", nllAfter,
                        "before", uncalibrated.reliability(), "after", calibrated.reliability()));
    }

    private void automation(Report report) {
        report.heading(2, "Automation at the policy thresholds (held-out test part)")
                .paragraph("A message is automated when its top label is not `out_of_scope` and its calibrated confidence is at least "
                        + "the threshold (0.85; 0.92 for regulated lines of business). All test messages, including the CLINC "
                        + "out-of-scope ones:")
                .automation(calibrated.automation(IntentTraining.THRESHOLDS))
                .paragraph("Customer-service messages only:")
                .automation(inScopeOnly.automation(IntentTraining.THRESHOLDS))
                .put("automation", Map.of("all", calibrated.automation(IntentTraining.THRESHOLDS),
                        "customerServiceOnly", inScopeOnly.automation(IntentTraining.THRESHOLDS)));
    }

    private void outOfScope(Report report) {
        if (oosTest == null) {
            return;
        }
        List<List<?>> examples = new ArrayList<>();
        for (int i = 0; i < oosTest.predicted().length; i++) {
            if (!oosTest.predicted()[i].equals(OutOfScopeQueries.LABEL) && oosTest.confidence()[i] >= IntentTraining.THRESHOLDS[0]) {
                examples.add(List.of(clinc.oosTest().get(i), oosTest.predicted()[i], oosTest.confidence()[i]));
            }
        }
        long topOutOfScope = java.util.Arrays.stream(oosTest.predicted()).filter(OutOfScopeQueries.LABEL::equals).count();
        report.heading(2, "Out-of-scope queries (CLINC150 oos_test, " + clinc.oosTest().size() + " queries, used only here)")
                .paragraph("Top label `out_of_scope` for " + topOutOfScope + " of them. Share that would be automated:")
                .automation(oosTest.automation(IntentTraining.THRESHOLDS))
                .paragraph("Every oos_test query automated at 0.85 (a few are arguably customer service of a shop, such as updating an address):")
                .table(List.of("query", "top label", "confidence"), examples)
                .put("oosTest", Map.of("queries", clinc.oosTest().size(), "topOutOfScope", topOutOfScope,
                        "automation", oosTest.automation(IntentTraining.THRESHOLDS), "automatedAt085", examples.size()));
    }

    private void history(Report report) {
        List<HistoryContextStudy.Row> rows = HistoryContextStudy.run(fitted.classifier(), fitted.parts().test(),
                clinc == null ? List.of() : clinc.oosTest(), IntentTraining.THRESHOLDS[0], seed);
        List<List<?>> cells = new ArrayList<>();
        rows.forEach(r -> cells.add(List.of(r.situation(), r.messages(),
                share(r.alone()), share(r.withContext()), share(r.always()),
                Report.number(r.accuracyAlone()) + " / " + Report.number(r.accuracyContext()) + " / " + Report.number(r.accuracyAlways()))));
        var settings = fitted.classifier().settings();
        report.heading(2, "History as context for short messages")
                .paragraph("A message of fewer than " + settings.shortMessageWords() + " words whose own top label is an intent "
                        + "(not `out_of_scope`) with a confidence below " + settings.contextBelow() + " is read again together with "
                        + "the last history message, whose features count " + settings.contextWeight() + " as much. So history "
                        + "settles ambiguous short messages but never overrides a clear one, and never makes an out-of-scope one "
                        + "automatable on its own. The data holds no conversations, so they are simulated from the test part "
                        + "(see `HistoryContextStudy`); automation at 0.85:")
                .table(List.of("situation", "n", "automated (accuracy of automated) without history",
                        "… with history, as served", "… with history always read (no gate)",
                        "accuracy of the top label: without / as served / always"), cells)
                .paragraph("The last column set shows why the gate is there: reading history for every short message would "
                        + "give a short message that changes topic the old topic's label and turn short out-of-scope queries "
                        + "into the history's intent. The gate and the weight were chosen on the validation part.")
                .put("historyContext", rows);
    }

    private static String share(Automation automation) {
        return Report.number(automation.share(), 3) + " (" + Report.number(automation.accuracy(), 3) + ")";
    }

    private void robustness(Report report) {
        List<List<?>> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (String message : ROBUSTNESS_EXAMPLES) {
            IntentPrediction prediction = fitted.classifier().predict(message, List.of());
            List<LabelScore> top = prediction.ranked().subList(0, 3);
            LabelScore best = top.get(0);
            boolean automated = best.score() >= IntentTraining.THRESHOLDS[0] && !best.label().equals(OutOfScopeQueries.LABEL);
            rows.add(List.of("`" + message + "`", top.stream().map(s -> s.label() + " " + Report.number(s.score(), 3))
                    .collect(Collectors.joining(", ")), automated ? "yes" : "no",
                    prediction.explanation().stream().limit(3).map(Contribution::feature).collect(Collectors.joining(" "))));
            json.add(Map.of("message", message, "top", top, "automatedAt085", automated, "explanation", prediction.explanation()));
        }
        report.heading(2, "Robustness: how customers write")
                .paragraph("Colloquial, misspelt and off-topic messages (written for this report, not from the data). Character "
                        + "n-grams let misspellings share most features with the right word; the explanation lists the features "
                        + "that pushed the top label most (weight × value).")
                .table(List.of("message", "top 3 (calibrated)", "automated at 0.85", "strongest features"), rows)
                .put("robustness", json);
    }
}
