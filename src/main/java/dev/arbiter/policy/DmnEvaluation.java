package dev.arbiter.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation of a DMN decision or decision service gave.
 *
 * @param results  every decision evaluated, by name, with its FEEL value (null when it failed or gave null)
 * @param messages the engine's errors and warnings during the evaluation
 */
public record DmnEvaluation(Map<String, Object> results, List<PolicyProblem> messages) {

    public DmnEvaluation {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        messages = List.copyOf(messages);
    }

    /** @return the value of the decision named {@code decision}, or null */
    public Object value(String decision) {
        return results.get(decision);
    }

    public boolean hasErrors() {
        return messages.stream().anyMatch(PolicyProblem::isError);
    }
}
