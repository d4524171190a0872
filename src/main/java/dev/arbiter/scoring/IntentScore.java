package dev.arbiter.scoring;

import java.util.List;

/**
 * The intent of a message and where it came from.
 *
 * @param label       the intent label, or null when unknown
 * @param confidence  the probability in [0, 1], or null when there is no usable score
 * @param source      who produced the score
 * @param problem     why there is no usable score, or null
 * @param model       the model that scored, or null when it did not come from a model
 * @param top         the most likely labels (at most three) when a model scored; empty otherwise
 * @param explanation the features that pushed the model's top label most; empty otherwise
 */
public record IntentScore(String label, Double confidence, Source source, String problem, ModelRef model,
                          List<LabelScore> top, List<Contribution> explanation) {

    /** Who produced a score. */
    public enum Source { CALLER, MODEL, NONE }

    static IntentScore unavailable(String problem, ModelRef model) {
        return new IntentScore(null, null, Source.NONE, problem, model, List.of(), List.of());
    }
}
