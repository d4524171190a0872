package dev.arbiter.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.arbiter.scoring.ChurnClassifier;

/**
 * The request's profile category fields checked against the values the loaded churn model was trained on, so that a
 * typo is refused instead of silently becoming the model's default. The value sets are the model's (its settings
 * file), never the service's code. Stateless and thread-safe.
 */
public final class ProfileCategories {

    private static final String PROFILE_PATH = "customer.profile.";

    private ProfileCategories() {
    }

    /**
     * One category field whose value the churn model does not know.
     *
     * @param field   the field's path in the request, e.g. {@code customer.profile.contract}
     * @param allowed the values the model knows for it, in the model's order
     */
    public record UnknownValue(String field, List<String> allowed) {

        /** @return what is wrong, for a client: the values it may send instead */
        public String message() {
            return "must be one of " + allowed;
        }
    }

    /**
     * @param request a request that passed bean validation; never null
     * @param churn   the churn model, or null when none is loaded (then no value is refused: nothing reads them)
     * @return the category fields whose value the model does not know (matching ignores case and surrounding spaces),
     *         in the profile's field order; empty when there are none or the request has no profile
     */
    public static List<UnknownValue> unknownValues(DecisionRequest request, ChurnClassifier churn) {
        DecisionRequest.Profile profile = request.customer().profile();
        if (profile == null || churn == null) {
            return List.of();
        }
        Map<String, List<String>> known = churn.categoryValues();
        List<UnknownValue> unknown = new ArrayList<>();
        profile.toFields().forEach((name, value) -> {
            List<String> allowed = known.get(name);
            if (allowed != null && value instanceof String text && !isOneOf(text, allowed)) {
                unknown.add(new UnknownValue(PROFILE_PATH + name, allowed));
            }
        });
        return unknown;
    }

    private static boolean isOneOf(String value, List<String> allowed) {
        String trimmed = value.trim();
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(trimmed)) {
                return true;
            }
        }
        return false;
    }
}
