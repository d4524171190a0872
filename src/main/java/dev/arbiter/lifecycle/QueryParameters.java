package dev.arbiter.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.arbiter.web.Problems;

/**
 * The query parameters of one management request, checked as {@code GET /api/v1/traces} checks its own: an unknown,
 * repeated or empty parameter is an error naming it, and so is a value out of range. All errors are collected, then
 * reported at once by {@link #done()}.
 */
final class QueryParameters {

    private final Map<String, String> values = new HashMap<>();
    private final List<Problems.FieldError> errors = new ArrayList<>();

    /**
     * @param given every query parameter of the request, with all its values
     * @param known the parameters the endpoint takes (may be empty)
     */
    QueryParameters(Map<String, List<String>> given, Set<String> known) {
        given.forEach((name, list) -> {
            if (!known.contains(name)) {
                errors.add(new Problems.FieldError(name, known.isEmpty() ? "is not a parameter: this endpoint takes none"
                        : "is not a parameter of this endpoint; the parameters are " + new TreeSet<>(known)));
            } else if (list.size() != 1) {
                errors.add(new Problems.FieldError(name, "must be given once"));
            } else if (list.get(0) == null || list.get(0).isEmpty()) {
                errors.add(new Problems.FieldError(name, "must not be empty; leave the parameter out for the default"));
            } else {
                values.put(name, list.get(0));
            }
        });
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

    /** @throws InvalidParametersException naming every parameter that was wrong, by name */
    void done() {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problems.FieldError::field));
            throw new InvalidParametersException(errors);
        }
    }

    /** Query parameters that cannot be used: a client mistake, answered with a 400 listing each one. */
    static final class InvalidParametersException extends RuntimeException {

        private final transient List<Problems.FieldError> errors;

        InvalidParametersException(List<Problems.FieldError> errors) {
            super(errors.size() + " invalid parameter(s): " + errors);
            this.errors = List.copyOf(errors);
        }

        List<Problems.FieldError> errors() {
            return errors;
        }
    }
}
