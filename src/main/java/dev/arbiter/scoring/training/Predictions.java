package dev.arbiter.scoring.training;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import dev.arbiter.scoring.IntentPrediction;
import dev.arbiter.scoring.TribuoIntentClassifier;

/**
 * An intent model's top label and confidence for each of a list of labelled messages, and what follows from them.
 *
 * @param truth      per message, the true label
 * @param predicted  per message, the top label
 * @param confidence per message, the top label's probability
 */
record Predictions(String[] truth, String[] predicted, double[] confidence) {

    static final int RELIABILITY_BINS = 10;

    /** Scores each message on its own, without context. */
    static Predictions of(TribuoIntentClassifier classifier, List<IntentTraining.Text> messages) {
        return of(classifier, messages, null);
    }

    /**
     * Scores each message as the service does, with one earlier message as its history.
     *
     * @param histories per message, the customer's previous message, or null for no history at all
     */
    static Predictions of(TribuoIntentClassifier classifier, List<IntentTraining.Text> messages, List<String> histories) {
        return of(messages, i -> classifier.predict(messages.get(i).text(), histories == null ? List.of() : List.of(histories.get(i))));
    }

    /** Scores each message together with its context, whatever the message's own confidence (what the service avoids). */
    static Predictions alwaysWithContext(TribuoIntentClassifier classifier, List<IntentTraining.Text> messages, List<String> contexts) {
        return of(messages, i -> classifier.predict(messages.get(i).text(), contexts.get(i)));
    }

    private static Predictions of(List<IntentTraining.Text> messages, IntFunction<IntentPrediction> predict) {
        String[] truth = new String[messages.size()];
        String[] predicted = new String[messages.size()];
        double[] confidence = new double[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            IntentPrediction prediction = predict.apply(i);
            truth[i] = messages.get(i).label();
            predicted[i] = prediction.ranked().get(0).label();
            confidence[i] = prediction.ranked().get(0).score();
        }
        return new Predictions(truth, predicted, confidence);
    }

    Automation automation(double threshold) {
        return Automation.at(threshold, predicted, confidence, truth, OutOfScopeQueries.LABEL);
    }

    List<Automation> automation(double[] thresholds) {
        return Arrays.stream(thresholds).mapToObj(this::automation).toList();
    }

    /** @return the share whose top label is the true one */
    double accuracy() {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += truth[i].equals(predicted[i]) ? 1 : 0;
        }
        return truth.length == 0 ? 0 : (double) right / truth.length;
    }

    Reliability reliability() {
        boolean[] right = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            right[i] = truth[i].equals(predicted[i]);
        }
        return Reliability.of(confidence, right, RELIABILITY_BINS);
    }

    ClassificationMetrics metrics(List<String> labels) {
        return ClassificationMetrics.of(labels, List.of(truth), List.of(predicted));
    }
}
