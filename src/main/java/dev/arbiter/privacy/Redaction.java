package dev.arbiter.privacy;

/**
 * A redaction applied to a stored trace.
 *
 * @param rule  the rule's name, e.g. {@code EMAIL}
 * @param field where in the stored trace, e.g. {@code request.interaction.history[1]}
 * @param count how many matches were masked there
 */
public record Redaction(String rule, String field, int count) {
}
