package dev.arbiter.scoring;

import java.util.List;

/**
 * What the intent model needs besides its Tribuo file ({@code intent-settings.json}): how text was featurised,
 * the fitted calibration, and how history is used. Written by the trainer, read at load.
 *
 * @param modelVersion      the version of the Tribuo model these settings belong to; a mismatch is refused
 * @param featuriser        {@link TextFeatures#ALGORITHM} at training time; a mismatch is refused
 * @param text              the featuriser's settings
 * @param temperature       divides the model's logits before the softmax (temperature scaling); 1 = uncalibrated
 * @param shortMessageWords a message with fewer words than this may get the last history message as context
 * @param contextBelow      ... but only when, on its own, its top label is an intent (not the out-of-scope label)
 *                          with a confidence below this: history settles ambiguous short messages, it never overrides
 *                          a clear one nor makes an out-of-scope one automatable
 * @param contextWeight     how much the context's features count against the message's
 * @param labels            the label set, in the model's order
 */
public record IntentModelSettings(String modelVersion, String featuriser, TextFeatures text, double temperature,
                                  int shortMessageWords, double contextBelow, double contextWeight, List<String> labels) {

    /** The label for messages that are not customer service; never given history as context. */
    public static final String OUT_OF_SCOPE = "out_of_scope";

    /** @return these settings with another temperature */
    public IntentModelSettings withTemperature(double newTemperature) {
        return new IntentModelSettings(modelVersion, featuriser, text, newTemperature, shortMessageWords, contextBelow, contextWeight,
                labels);
    }
}
