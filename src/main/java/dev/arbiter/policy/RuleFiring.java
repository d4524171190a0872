package dev.arbiter.policy;

/**
 * A DRL rule that fired for a decision.
 *
 * @param file the DRL file, e.g. {@code rules/escalation.drl}
 * @param rule the rule name
 */
public record RuleFiring(String file, String rule) {
}
