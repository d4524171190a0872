package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What validating a set of policy files found.
 *
 * @param version  the SHA-256 version the files would have
 * @param valid    true when there is no error (warnings do not block)
 * @param errors   problems that block activation, each with file and, where known, line and column or element
 * @param warnings problems worth a look that do not block
 */
public record ValidationReport(String version, boolean valid, List<PolicyProblem> errors, List<PolicyProblem> warnings) {

    static ValidationReport of(String version, List<PolicyProblem> problems) {
        List<PolicyProblem> errors = problems.stream().filter(PolicyProblem::isError).toList();
        List<PolicyProblem> warnings = problems.stream().filter(problem -> !problem.isError()).toList();
        return new ValidationReport(version, errors.isEmpty(), errors, warnings);
    }

    /** @return errors then warnings */
    public List<PolicyProblem> problems() {
        List<PolicyProblem> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return all;
    }
}
