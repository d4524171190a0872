package dev.arbiter.scoring;

import java.util.List;

/**
 * What an intent model says about a message.
 *
 * @param ranked      labels with calibrated probabilities, most likely first; at least one entry
 * @param explanation the features that pushed the top label most, strongest first (may be empty)
 */
public record IntentPrediction(List<LabelScore> ranked, List<Contribution> explanation) {
}
