package dev.arbiter.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import dev.arbiter.policy.PolicyBundle;

/**
 * Runs a folder of policy scenarios against a bundle and reports per-case results and coverage: the same run
 * serves the test suite, the CLI, the API and the activation gate. Thread-safe.
 */
@Service
public class ScenarioSuite {

    private final ScenarioRunner runner;

    /** @return a suite for use outside the Spring context (command line), scoring with {@code models} */
    public static ScenarioSuite standalone(dev.arbiter.scoring.Models models) {
        return new ScenarioSuite(ScenarioRunner.standalone(models));
    }

    ScenarioSuite(ScenarioRunner runner) {
        this.runner = runner;
    }

    /**
     * @param folder     the scenario files
     * @param caseFilter only cases whose name contains this text (case-insensitive), or null for all
     * @throws ScenarioFormatException when a scenario file cannot be read
     */
    public SuiteReport run(PolicyBundle bundle, Path folder, String caseFilter) {
        return run(bundle, new ScenarioLoader().load(folder), caseFilter);
    }

    /** Runs already loaded scenarios; see {@link #run(PolicyBundle, Path, String)}. */
    public SuiteReport run(PolicyBundle bundle, List<Scenario> scenarios, String caseFilter) {
        List<SuiteReport.CaseResult> cases = new ArrayList<>();
        Set<String> rows = new TreeSet<>();
        Set<String> rules = new TreeSet<>();
        for (Scenario scenario : scenarios) {
            if (caseFilter != null && !scenario.name().toLowerCase().contains(caseFilter.toLowerCase())) {
                continue;
            }
            ScenarioResult result = runner.run(scenario, bundle);
            cases.add(new SuiteReport.CaseResult(scenario.file(), scenario.name(), result.passed(), result.failures()));
            rows.addAll(result.rowsMatched());
            rules.addAll(result.rulesFired());
        }
        int passed = (int) cases.stream().filter(SuiteReport.CaseResult::passed).count();
        return new SuiteReport(bundle.version(), cases.size(), passed, cases.size() - passed, cases,
                coverage(bundle.inventory(), rows, rules));
    }

    private static SuiteReport.Coverage coverage(PolicyBundle.Inventory inventory, Set<String> rows, Set<String> rules) {
        Set<String> uncoveredRows = new TreeSet<>(inventory.rows());
        uncoveredRows.removeAll(rows);
        Set<String> uncoveredRules = new TreeSet<>(inventory.rules());
        uncoveredRules.removeAll(rules);
        return new SuiteReport.Coverage(inventory.rows().size(), inventory.rows().size() - uncoveredRows.size(), uncoveredRows,
                inventory.rules().size(), inventory.rules().size() - uncoveredRules.size(), uncoveredRules);
    }
}
