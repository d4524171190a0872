package dev.arbiter.scoring;

import java.util.List;
import java.util.Map;

/**
 * The customer's churn risk and where it came from.
 *
 * @param risk            probability in [0, 1], or null when there is none
 * @param source          CALLER, MODEL or NONE
 * @param problem         why there is no risk, or null
 * @param model           the model that scored, or null
 * @param drivers         the features that pushed the risk up most; empty unless a model scored
 * @param defaultsApplied profile fields that were missing and the defaults the model used
 */
public record ChurnScore(Double risk, IntentScore.Source source, String problem, ModelRef model,
                         List<Contribution> drivers, Map<String, Object> defaultsApplied) {

    static ChurnScore none(String problem, ModelRef model) {
        return new ChurnScore(null, IntentScore.Source.NONE, problem, model, List.of(), Map.of());
    }
}
