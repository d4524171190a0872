package dev.arbiter.scoring;

import java.util.List;
import java.util.Map;

/**
 * Resolves a customer's churn risk: the caller's when it sent one, else the churn model's on the profile, else
 * none. Never throws for a failing model. Stateless.
 */
public final class ChurnScoring {

    private ChurnScoring() {
    }

    /**
     * @param classifier   the churn model, or null when none is loaded
     * @param suppliedRisk the caller's risk in [0, 1], or null
     * @param profile      the profile fields the caller sent (API names), or null when it sent no profile
     */
    public static ChurnScore score(ChurnClassifier classifier, Double suppliedRisk, Map<String, Object> profile) {
        if (suppliedRisk != null) {
            return new ChurnScore(suppliedRisk, IntentScore.Source.CALLER, null, null, List.of(), Map.of());
        }
        if (profile == null) {
            return ChurnScore.none("no customer profile was sent", null);
        }
        if (classifier == null) {
            return ChurnScore.none("no churn model is loaded", null);
        }
        ModelRef model = classifier.model();
        ChurnPrediction prediction;
        try {
            prediction = classifier.predict(profile);
        } catch (RuntimeException e) {
            return ChurnScore.none("the churn model failed: " + e.getClass().getSimpleName(), model);
        }
        if (prediction == null || !IntentScoring.isProbability(prediction.risk())) {
            return ChurnScore.none("the churn model returned no valid risk", model);
        }
        return new ChurnScore(prediction.risk(), IntentScore.Source.MODEL, null, model,
                List.copyOf(prediction.drivers()), Map.copyOf(prediction.defaultsApplied()));
    }
}
