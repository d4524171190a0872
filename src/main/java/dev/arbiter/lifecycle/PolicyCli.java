package dev.arbiter.lifecycle;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.policy.PolicyProblem;
import dev.arbiter.policy.ValidationReport;
import dev.arbiter.scenario.Scenario;
import dev.arbiter.scenario.ScenarioFormatException;
import dev.arbiter.scenario.ScenarioLoader;
import dev.arbiter.scenario.ScenarioSuite;
import dev.arbiter.scenario.SuiteReport;
import dev.arbiter.scoring.Models;

/**
 * The policy command line, for policy owners and pre-commit hooks, without starting the service or touching its
 * database: {@code policy validate} and {@code policy test [--case NAME]}. Exit code 0 when all is well, 1 when
 * the policy has errors or a scenario fails (or none ran: no scenario files, or a {@code --case} no case name contains,
 * each said in an {@code ERROR} line), 2 for a usage mistake.
 */
public final class PolicyCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: policy validate [--rules DIR] [--dmn DIR]
                   policy test [--rules DIR] [--dmn DIR] [--scenarios DIR] [--case TEXT]
            Defaults: --rules rules --dmn dmn-models --scenarios policy-tests (relative to the working directory).""";

    private final PrintStream out;
    private final Models models;

    public PolicyCli(PrintStream out, Models models) {
        this.out = out;
        this.models = models;
    }

    /** Runs one command; {@code args} starts after the word {@code policy}. */
    public int run(String... args) {
        if (args.length == 0 || !(args[0].equals("validate") || args[0].equals("test"))) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        Map<String, String> options = options(args);
        if (options == null) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        PolicyFiles files;
        try {
            files = PolicyFiles.read(Path.of(options.getOrDefault("--rules", "rules")),
                    Path.of(options.getOrDefault("--dmn", "dmn-models")));
        } catch (java.io.UncheckedIOException e) {
            out.println("ERROR " + e.getMessage() + " (run from the policy repository's root, or give --rules and --dmn)");
            out.println(USAGE_TEXT);
            return USAGE;
        }
        return args[0].equals("validate") ? validate(files)
                : test(files, Path.of(options.getOrDefault("--scenarios", "policy-tests")), options.get("--case"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            boolean known = args[i].equals("--rules") || args[i].equals("--dmn") || args[i].equals("--scenarios")
                    || args[i].equals("--case");
            if (!known || i + 1 >= args.length) {
                return null;
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private int validate(PolicyFiles files) {
        ValidationReport report = new PolicyLoader().validate(files).report();
        print(report);
        return report.valid() ? OK : FAILED;
    }

    private void print(ValidationReport report) {
        report.problems().forEach(problem -> out.println(format(problem)));
        out.printf("Policy %s: %d error(s), %d warning(s)%n", report.version(), report.errors().size(), report.warnings().size());
    }

    private static String format(PolicyProblem problem) {
        StringBuilder where = new StringBuilder(problem.file());
        if (problem.line() > 0) {
            where.append(':').append(problem.line());
            if (problem.column() > 0) {
                where.append(':').append(problem.column());
            }
        }
        String element = problem.element() == null ? "" : " [" + problem.element() + "]";
        return problem.severity() + " " + where + element + " " + problem.message();
    }

    private int test(PolicyFiles files, Path scenarios, String caseFilter) {
        PolicyLoader.Validated validated = new PolicyLoader().validate(files);
        if (validated.bundle() == null) {
            print(validated.report());
            return FAILED;
        }
        List<Scenario> loaded;
        try {
            loaded = new ScenarioLoader().load(scenarios);
        } catch (ScenarioFormatException e) {
            out.println("ERROR " + e.getMessage());
            return FAILED;
        }
        if (loaded.isEmpty()) {
            out.println("ERROR " + PolicyLifecycle.NO_SCENARIOS + " (no .yaml or .yml file in " + scenarios + ")");
            return FAILED;
        }
        SuiteReport report = ScenarioSuite.standalone(models).run(validated.bundle(), loaded, caseFilter);
        if (caseFilter != null && report.total() == 0) {
            out.println("ERROR --case " + PolicyLifecycle.matchesNoCase(caseFilter, "--case"));
            return FAILED;
        }
        for (SuiteReport.CaseResult result : report.cases()) {
            out.println((result.passed() ? "PASS " : "FAIL ") + result.file() + " > " + result.name());
            result.failures().forEach(failure -> out.println("     " + failure));
        }
        printCoverage(report.coverage());
        out.printf("%d passed, %d failed%n", report.passed(), report.failed());
        return report.allPassed() ? OK : FAILED;
    }

    private void printCoverage(SuiteReport.Coverage coverage) {
        out.printf("Coverage: %d of %d decision-table rows, %d of %d rules%n", coverage.rowsCovered(), coverage.rows(),
                coverage.rulesCovered(), coverage.rules());
        coverage.uncoveredRows().forEach(row -> out.println("  not exercised: " + row));
        coverage.uncoveredRules().forEach(rule -> out.println("  not exercised: " + rule));
    }
}
