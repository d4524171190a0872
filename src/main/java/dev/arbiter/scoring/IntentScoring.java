package dev.arbiter.scoring;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Resolves the intent of an interaction: the caller's when it sent one, else the intent model's, else none —
 * with the reason, so that policy can fail safe. Never throws for a failing model. Thread-safe.
 */
@Service
public class IntentScoring {

    private static final int TOP_LABELS = 3;

    private final IntentClassifier classifier;

    public IntentScoring(ObjectProvider<IntentClassifier> classifier) {
        this.classifier = classifier.getIfAvailable();
    }

    /** @return the model that scores intents when the caller sends none, or null when no model is loaded */
    public ModelRef model() {
        return classifier == null ? null : classifier.model();
    }

    /**
     * @param suppliedLabel      the caller's intent label, or null
     * @param suppliedConfidence the caller's confidence in [0, 1], or null
     * @param message            the current message; never null
     * @param history            earlier messages, oldest first; never null
     */
    public IntentScore score(String suppliedLabel, Double suppliedConfidence, String message, List<String> history) {
        if (suppliedLabel != null && suppliedConfidence != null) {
            return new IntentScore(suppliedLabel, suppliedConfidence, IntentScore.Source.CALLER, null, null, List.of());
        }
        if (classifier == null) {
            return IntentScore.unavailable("no intent was supplied and no intent model is loaded", null);
        }
        return predict(message, history);
    }

    private IntentScore predict(String message, List<String> history) {
        ModelRef model = classifier.model();
        List<LabelScore> scores;
        try {
            scores = classifier.predict(message, history);
        } catch (RuntimeException e) {
            return IntentScore.unavailable("the intent model failed: " + e.getClass().getSimpleName(), model);
        }
        if (scores == null || scores.isEmpty()) {
            return IntentScore.unavailable("the intent model returned no label", model);
        }
        LabelScore best = scores.get(0);
        if (Double.isNaN(best.score()) || best.score() < 0 || best.score() > 1) {
            return IntentScore.unavailable("the intent model returned an invalid confidence (" + best.score() + ")", model);
        }
        List<LabelScore> top = scores.subList(0, Math.min(TOP_LABELS, scores.size()));
        return new IntentScore(best.label(), best.score(), IntentScore.Source.MODEL, null, model, List.copyOf(top));
    }
}
