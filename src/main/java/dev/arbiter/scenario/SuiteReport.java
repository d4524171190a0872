package dev.arbiter.scenario;

import java.util.List;
import java.util.Set;

/**
 * The result of running policy scenarios against one bundle.
 *
 * @param policyVersion the bundle's version
 * @param total         scenarios run
 * @param passed        scenarios that passed
 * @param failed        scenarios that failed
 * @param cases         every scenario's result, in file and case order
 * @param coverage      which table rows and rules no scenario exercised
 */
public record SuiteReport(String policyVersion, int total, int passed, int failed, List<CaseResult> cases,
                          Coverage coverage) {

    /** @return true when every scenario passed (and at least one ran) */
    public boolean allPassed() {
        return failed == 0 && total > 0;
    }

    /** One scenario's result, for reports. */
    public record CaseResult(String file, String name, boolean passed, List<String> failures) {
    }

    /**
     * Coverage of the bundle by the scenarios.
     *
     * @param rows            decision-table rows in the bundle
     * @param rowsCovered     rows some scenario matched
     * @param uncoveredRows   rows no scenario matched, as {@code file#decision/row id}
     * @param rules           rules in the bundle
     * @param rulesCovered    rules some scenario fired
     * @param uncoveredRules  rules no scenario fired, as {@code file#rule name}
     */
    public record Coverage(int rows, int rowsCovered, Set<String> uncoveredRows, int rules, int rulesCovered,
                           Set<String> uncoveredRules) {
    }
}
