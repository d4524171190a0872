package dev.arbiter.policy;

/**
 * A value a policy compared with a threshold, and whether it passed.
 *
 * @param source    the policy line, e.g. {@code dmn-models/confidence-thresholds.dmn#Confidence check/row 1}
 * @param subject   what was compared, e.g. {@code intent}
 * @param value     the value seen
 * @param threshold the threshold applied
 * @param passed    whether the value passed, or null when the policy does not say
 */
public record Comparison(String source, String subject, Object value, Object threshold, Boolean passed) {
}
