package dev.arbiter.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when policy files cannot be compiled into a bundle; carries every problem found, errors first. */
public class PolicyLoadException extends RuntimeException {
    private final transient List<PolicyProblem> problems;

    public PolicyLoadException(List<PolicyProblem> problems) {
        super("Policy has " + problems.stream().filter(PolicyProblem::isError).count() + " error(s):\n"
                + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
