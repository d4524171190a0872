package dev.arbiter.lifecycle;

import dev.arbiter.policy.ValidationReport;
import dev.arbiter.scenario.SuiteReport;

/**
 * The checks a candidate went through: validation, then (when valid) the scenarios.
 *
 * @param validation what validation found
 * @param scenarios  the scenario results and coverage, or null when validation failed or the scenarios could not
 *                   be read
 * @param problem    why the scenarios could not run, or null
 */
public record GateResult(ValidationReport validation, SuiteReport scenarios, String problem) {

    /** @return true when the candidate may go live: valid and every scenario passed */
    public boolean passed() {
        return validation.valid() && scenarios != null && scenarios.allPassed();
    }
}
