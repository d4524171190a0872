package dev.arbiter.scoring;

import java.util.List;

/**
 * Resolves the intent of an interaction: the caller's when it sent one, else the intent model's, else none —
 * with the reason, so that policy can fail safe. Never throws for a failing model. Stateless.
 */
public final class IntentScoring {

    private static final int TOP_LABELS = 3;

    private IntentScoring() {
    }

    /**
     * @param classifier         the intent model, or null when none is loaded
     * @param suppliedLabel      the caller's intent label, or null
     * @param suppliedConfidence the caller's confidence in [0, 1], or null
     * @param message            the current message; never null
     * @param history            earlier messages, oldest first; never null
     */
    public static IntentScore score(IntentClassifier classifier, String suppliedLabel, Double suppliedConfidence,
                                    String message, List<String> history) {
        if (suppliedLabel != null && suppliedConfidence != null) {
            return new IntentScore(suppliedLabel, suppliedConfidence, IntentScore.Source.CALLER, null, null, List.of(), List.of());
        }
        if (classifier == null) {
            return IntentScore.unavailable("no intent was supplied and no intent model is loaded", null);
        }
        return predict(classifier, message, history);
    }

    private static IntentScore predict(IntentClassifier classifier, String message, List<String> history) {
        ModelRef model = classifier.model();
        IntentPrediction prediction;
        try {
            prediction = classifier.predict(message, history);
        } catch (RuntimeException e) {
            return IntentScore.unavailable("the intent model failed: " + e.getClass().getSimpleName(), model);
        }
        if (prediction == null || prediction.ranked() == null || prediction.ranked().isEmpty()) {
            return IntentScore.unavailable("the intent model returned no label", model);
        }
        LabelScore best = prediction.ranked().get(0);
        if (!isProbability(best.score())) {
            return IntentScore.unavailable("the intent model returned an invalid confidence (" + best.score() + ")", model);
        }
        List<LabelScore> top = prediction.ranked().subList(0, Math.min(TOP_LABELS, prediction.ranked().size()));
        return new IntentScore(best.label(), best.score(), IntentScore.Source.MODEL, null, model, List.copyOf(top),
                prediction.explanation() == null ? List.of() : List.copyOf(prediction.explanation()));
    }

    static boolean isProbability(double value) {
        return !Double.isNaN(value) && value >= 0 && value <= 1;
    }
}
