package dev.arbiter.scenario;

import java.util.List;
import java.util.Set;

import dev.arbiter.decision.DecisionResponse;

/**
 * The result of running one scenario.
 *
 * @param scenario    the scenario
 * @param failures    what did not match; empty when the scenario passed
 * @param actual      the decision, or null when the request could not even be built
 * @param rowsMatched decision-table rows the hit policy selected (not merely matched), as {@code file#decision/row id}
 * @param rulesFired  rules that fired, as {@code file#rule name}
 */
public record ScenarioResult(Scenario scenario, List<String> failures, DecisionResponse actual, Set<String> rowsMatched,
                             Set<String> rulesFired) {

    static ScenarioResult invalid(Scenario scenario, List<String> failures) {
        return new ScenarioResult(scenario, failures, null, Set.of(), Set.of());
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
