package dev.arbiter.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.arbiter.web.InvalidFieldsException;
import dev.arbiter.web.Problems;

/**
 * The query parameters of one management request, checked as every endpoint checks its own
 * ({@link dev.arbiter.web.QueryParameters}): an unknown, repeated or empty parameter is an error naming it, and so
 * is a value out of range. All errors are collected, then reported at once by {@link #done()}. Not thread-safe: one
 * request's.
 */
final class QueryParameters {

    private final Map<String, String> values;
    private final List<Problems.FieldError> errors = new ArrayList<>();

    /**
     * @param given every query parameter of the request, with all its values
     * @param known the parameters the endpoint takes (may be empty)
     */
    QueryParameters(Map<String, List<String>> given, Set<String> known) {
        this.values = dev.arbiter.web.QueryParameters.single(given, known,
                dev.arbiter.web.QueryParameters.notAParameterOf(known), errors);
    }

    /** @return the whole number given for {@code name}, or {@code fallback} when absent (or invalid: then an error) */
    int whole(String name, int min, int max, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        errors.add(new Problems.FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    /** @throws InvalidFieldsException naming every parameter that was wrong, by name */
    void done() {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problems.FieldError::field));
            throw new InvalidFieldsException(errors);
        }
    }
}
