package dev.arbiter.scoring;

import java.util.Map;

/**
 * What the churn model needs besides its Tribuo file ({@code churn-settings.json}): how profiles were featurised
 * (defaults, scales, known values), the fitted calibration, and the training means that explanations compare with.
 * Written by the trainer, read at load.
 *
 * @param modelVersion the version of the Tribuo model these settings belong to; a mismatch is refused
 * @param featuriser   {@link ProfileFeatures#ALGORITHM} at training time; a mismatch is refused
 * @param profile      the featuriser's fitted settings
 * @param temperature  divides the model's churn log-odds (temperature scaling); 1 = uncalibrated
 * @param churnLabel   the label that means the customer leaves
 * @param featureMeans per feature, its mean over the training split: a driver is weight × (value − mean)
 */
public record ChurnModelSettings(String modelVersion, String featuriser, ProfileFeatures profile, double temperature,
                                 String churnLabel, Map<String, Double> featureMeans) {
}
