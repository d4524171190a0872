package dev.arbiter.scenario;

import java.util.List;

import dev.arbiter.decision.DecisionResponse;

/**
 * The result of running one scenario.
 *
 * @param scenario the scenario
 * @param failures what did not match; empty when the scenario passed
 * @param actual   the decision, or null when the request could not even be built
 */
public record ScenarioResult(Scenario scenario, List<String> failures, DecisionResponse actual) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
