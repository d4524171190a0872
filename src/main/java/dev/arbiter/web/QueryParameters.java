package dev.arbiter.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Reads a request's query parameters strictly, the same way on every endpoint that takes them: a parameter the
 * endpoint does not know, one given more than once and one given empty are each reported by name, never ignored.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * @param given          every query parameter of the request, with all its values (a {@code MultiValueMap} from
     *                       {@code @RequestParam})
     * @param known          the names the endpoint accepts
     * @param unknownMessage what to say about a name that is not known, given that name
     * @param errors         receives one error for each unknown, repeated or empty parameter
     * @return the value of each known parameter given exactly once and not empty
     */
    public static Map<String, String> single(Map<String, List<String>> given, Set<String> known,
                                             UnaryOperator<String> unknownMessage, List<Problems.FieldError> errors) {
        Map<String, String> values = new HashMap<>();
        given.forEach((name, list) -> {
            if (!known.contains(name)) {
                errors.add(new Problems.FieldError(name, unknownMessage.apply(name)));
            } else if (list.size() != 1) {
                errors.add(new Problems.FieldError(name, "must be given once"));
            } else if (list.get(0) == null || list.get(0).isEmpty()) {
                errors.add(new Problems.FieldError(name, "must not be empty; leave the parameter out instead"));
            } else {
                values.put(name, list.get(0));
            }
        });
        return values;
    }

    /**
     * {@link #single(Map, Set, UnaryOperator, List)} with the plain message for an unknown name.
     *
     * @param what what the parameters are for, e.g. {@code "audit search"}
     */
    public static Map<String, String> single(Map<String, List<String>> given, Set<String> known, String what,
                                             List<Problems.FieldError> errors) {
        return single(given, known, name -> "is not " + article(what) + " " + what + " parameter; the parameters are "
                + known, errors);
    }

    /**
     * {@link #single(Map, Set, UnaryOperator, List)} for an endpoint's own parameters, all of them checked at once.
     *
     * @param given every query parameter of the request, with all its values
     * @param known the parameters the endpoint takes (may be empty)
     * @throws InvalidFieldsException naming, in name order, each parameter that is unknown, repeated or empty
     */
    public static void strict(Map<String, List<String>> given, Set<String> known) {
        List<Problems.FieldError> errors = new ArrayList<>();
        single(given, known, notAParameterOf(known), errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problems.FieldError::field));
            throw new InvalidFieldsException(errors);
        }
    }

    /**
     * @param known the parameters an endpoint takes (may be empty)
     * @return what to say about a name that is not one of them: the parameters it does take, or that it takes none
     */
    public static UnaryOperator<String> notAParameterOf(Set<String> known) {
        return name -> known.isEmpty() ? "is not a parameter: this endpoint takes none"
                : "is not a parameter of this endpoint; the parameters are " + new TreeSet<>(known);
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
