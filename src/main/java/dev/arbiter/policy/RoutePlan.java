package dev.arbiter.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the case is handled once its outcome is known.
 *
 * @param priority  {@value #HIGHEST_PRIORITY} (highest) to {@value #LOWEST_PRIORITY}
 * @param modelTier a {@link ModelTier}'s name: LIGHT, HEAVY or NONE
 * @param tables    the decision tables evaluated
 */
public record RoutePlan(int priority, String modelTier, List<TableEvaluation> tables) {

    /** The priorities of the API contract ({@code route.priority}): whole numbers from the highest to the lowest. */
    public static final int HIGHEST_PRIORITY = 1;
    public static final int LOWEST_PRIORITY = 4;

    /** @return true when {@code value} is a priority of the API contract: a whole number in the range */
    static boolean isPriority(Object value) {
        return value instanceof BigDecimal number && number.stripTrailingZeros().scale() <= 0
                && number.compareTo(BigDecimal.valueOf(HIGHEST_PRIORITY)) >= 0 && number.compareTo(BigDecimal.valueOf(LOWEST_PRIORITY)) <= 0;
    }
}
