package dev.arbiter.policy;

import java.util.List;

/**
 * How the case is handled once its outcome is known.
 *
 * @param priority  1 (highest) to 4
 * @param modelTier LIGHT, HEAVY or NONE
 * @param tables    the decision tables evaluated
 */
public record RoutePlan(int priority, String modelTier, List<TableEvaluation> tables) {
}
