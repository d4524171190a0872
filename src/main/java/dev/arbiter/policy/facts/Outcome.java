package dev.arbiter.policy.facts;

/**
 * What may happen next with an interaction, from least to most severe.
 * Arbitration keeps the most severe outcome any policy asked for.
 */
public enum Outcome {
    AUTOMATE,
    HUMAN_REVIEW,
    ROUTE_TO_AGENT,
    ESCALATE;

    /** @return true when this outcome is more severe than {@code other}; never null-safe for {@code other} */
    public boolean isMoreSevereThan(Outcome other) {
        return compareTo(other) > 0;
    }
}
