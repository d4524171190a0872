package dev.arbiter.scenario;

import java.util.List;
import java.util.Map;

/**
 * What a scenario expects; every field is optional and only what is given is checked.
 *
 * @param outcome        the outcome
 * @param queue          the queue
 * @param skill          the skill
 * @param priority       the priority (1-4)
 * @param modelTier      LIGHT, HEAVY or NONE
 * @param intentSource   CALLER, MODEL or NONE
 * @param nextBestAction the recommended next best action; {@code NONE} expects none
 * @param churnRisk      the churn risk used
 * @param reasons        exactly these reason codes, in this order
 * @param reasonsInclude at least these reason codes
 * @param reasonsExclude none of these reason codes
 * @param actions        action id to ALLOWED or SUPPRESSED
 * @param actionReasons  action id to exactly these suppression codes, in order
 * @param messageContains reason code to text its message must contain
 */
public record Expectation(String outcome, String queue, String skill, Integer priority, String modelTier,
                          String intentSource, String nextBestAction, Double churnRisk, List<String> reasons, List<String> reasonsInclude,
                          List<String> reasonsExclude, Map<String, String> actions,
                          Map<String, List<String>> actionReasons, Map<String, String> messageContains) {

    /**
     * @return true when nothing would be checked: no key given, or only empty lists and maps where empty means "no
     *         requirement" ({@code reasons: []} does check: it expects no reason)
     */
    boolean expectsNothing() {
        return java.util.stream.Stream.of(outcome, queue, skill, priority, modelTier, intentSource, nextBestAction, churnRisk,
                        reasons).allMatch(java.util.Objects::isNull)
                && isEmpty(reasonsInclude) && isEmpty(reasonsExclude) && isEmpty(actions) && isEmpty(actionReasons)
                && isEmpty(messageContains);
    }

    private static boolean isEmpty(java.util.Collection<?> values) {
        return values == null || values.isEmpty();
    }

    private static boolean isEmpty(Map<?, ?> values) {
        return values == null || values.isEmpty();
    }
}
