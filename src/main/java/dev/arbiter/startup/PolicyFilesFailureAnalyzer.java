package dev.arbiter.startup;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import dev.arbiter.policy.PolicyLoadException;
import dev.arbiter.policy.PolicyProblem;

/**
 * The service had to start from the policy files on disk (a new database, or a last active version that no longer
 * compiles) and they do not compile: lists every error with its file and line, and how to check the files without
 * starting the service.
 */
class PolicyFilesFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoadException> {

    private final Environment environment;

    PolicyFilesFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyLoadException cause) {
        String rules = environment.getProperty("arbiter.policy.rules-dir", "rules");
        String dmn = environment.getProperty("arbiter.policy.dmn-dir", "dmn-models");
        List<PolicyProblem> errors = cause.problems().stream().filter(PolicyProblem::isError).toList();
        String description = "The service starts from the policy files on disk when its database has no active policy "
                + "version that compiles, and the files in " + rules + " and " + dmn + " have " + errors.size()
                + " error(s):\n\n"
                + errors.stream().map(error -> "    " + error.toString().replace("\n", "\n      "))
                        .collect(Collectors.joining("\n"));
        String action = "Fix the errors listed above and start again. `java -jar <jar> policy validate --rules " + rules
                + " --dmn " + dmn + "` checks the files (and lists the warnings too) without starting the service. Or point "
                + "--arbiter.policy.rules-dir and --arbiter.policy.dmn-dir at policy files that compile.";
        return new FailureAnalysis(description, action, cause);
    }
}
