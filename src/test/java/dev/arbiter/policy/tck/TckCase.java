package dev.arbiter.policy.tck;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <testCase>} of a TCK test file, its values already read into Java (see {@link XsdValues}).
 *
 * @param id            the test case id, as the results CSV names it
 * @param invocableName the decision service to invoke, or null when each result node names a decision
 * @param inputs        the input nodes, in file order
 * @param results       the result nodes, in file order
 */
record TckCase(String id, String description, String invocableName, List<Input> inputs, List<Result> results) {

    TckCase {
        inputs = List.copyOf(inputs);
        results = List.copyOf(results);
    }

    boolean invokesDecisionService() {
        return invocableName != null;
    }

    /** @return true when a JSON body would carry the same Java values as the typed inputs (strings, booleans, nulls) */
    boolean sameInBothForms() {
        return inputs.stream().allMatch(input -> Objects.equals(input.value(), input.jsonValue()));
    }

    /**
     * An input data (or a decision given a value) and its value, read in each {@link XsdValues.Form}.
     *
     * @param value     in Java form
     * @param jsonValue as a JSON body would carry it
     */
    record Input(String name, Object value, Object jsonValue) {

        Object value(XsdValues.Form form) {
            return form == XsdValues.Form.JSON ? jsonValue : value;
        }
    }

    /**
     * A decision whose result is checked.
     *
     * @param errorResult the TCK expects the evaluation to fail (its value is then null)
     */
    record Result(String name, boolean errorResult, Object expected) {
    }
}
