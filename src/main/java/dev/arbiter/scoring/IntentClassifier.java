package dev.arbiter.scoring;

import java.util.List;

/**
 * A trained model that recognises the customer's intent. Implementations must be thread-safe.
 */
public interface IntentClassifier {

    /** @return the model's name and version; never null */
    ModelRef model();

    /**
     * Scores a message.
     *
     * @param message the current customer message; never null
     * @param history earlier customer messages, oldest first; never null, may be empty
     * @return labels with calibrated probabilities, most likely first, and what drove the top label
     * @throws RuntimeException when the model cannot score; the caller fails safe
     */
    IntentPrediction predict(String message, List<String> history);
}
