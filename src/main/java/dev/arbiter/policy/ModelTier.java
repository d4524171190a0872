package dev.arbiter.policy;

import java.util.List;

/**
 * Which generative model answers an automated case: a value of the API contract ({@code route.modelTier}). The
 * {@code Model tier} decision must give one of these; validation checks the literal values of its rows.
 */
public enum ModelTier {
    /** The light model: FAQ-like questions. */
    LIGHT,
    /** The heavy model: every other automated case. */
    HEAVY,
    /** No model: a person takes the case. */
    NONE;

    /** @return true when {@code value} is the name of a tier, exactly ({@code LIGHT}, not {@code light}) */
    static boolean isTier(Object value) {
        return value instanceof String name && java.util.Arrays.stream(values()).anyMatch(tier -> tier.name().equals(name));
    }

    /** @return the tiers for a message: {@code LIGHT, HEAVY or NONE} */
    static String choices() {
        List<String> names = java.util.Arrays.stream(values()).map(Enum::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
