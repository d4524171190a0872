package dev.arbiter.policy;

/**
 * The result of one DMN decision.
 *
 * @param file     the DMN file
 * @param decision the decision name
 * @param value    the FEEL result converted to Java (BigDecimal, String, Boolean, Map, List or null)
 */
public record DecisionOutput(String file, String decision, Object value) {
}
