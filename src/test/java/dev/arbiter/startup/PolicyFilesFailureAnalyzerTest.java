package dev.arbiter.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanInstantiationException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.PolicyLoadException;
import dev.arbiter.policy.PolicyProblem;
import dev.arbiter.policy.PolicyProblem.Severity;

/** Policy files that do not compile on a start from disk are listed with file and line, and how to check them. */
class PolicyFilesFailureAnalyzerTest {

    private static final PolicyProblem UNDEFINED_METHOD = new PolicyProblem("rules/kill-switch.drl", 6, 0, null,
            Severity.ERROR, "Rule Compilation error The method garbage(FactHandle) is undefined");
    private static final PolicyProblem UNKNOWN_CODE = new PolicyProblem("dmn-models/routing.dmn", 27, 0, "queue-table",
            Severity.ERROR, "reason code NO_SUCH_CODE is not in rules/reason-codes.yaml");
    private static final PolicyProblem CONTRACTION = new PolicyProblem("dmn-models/routing.dmn", 27, 0, "queue-table",
            Severity.WARNING, "Table is not fully contracted");

    private final PolicyFilesFailureAnalyzer analyzer = new PolicyFilesFailureAnalyzer(new MockEnvironment()
            .withProperty("arbiter.policy.rules-dir", "/srv/policy/rules")
            .withProperty("arbiter.policy.dmn-dir", "/srv/policy/dmn-models"));

    @Test
    void everyErrorIsListedWithFileAndLineAndTheCommandThatChecksTheFiles() {
        PolicyLoadException broken = new PolicyLoadException(List.of(UNDEFINED_METHOD, UNKNOWN_CODE, CONTRACTION));

        FailureAnalysis analysis = analyzer.analyze(asTheActivePolicyFailsAtStartUp(broken));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("/srv/policy/rules and /srv/policy/dmn-models have 2 error(s)")
                .contains("    ERROR rules/kill-switch.drl:6: Rule Compilation error The method garbage(FactHandle) is undefined")
                .contains("    ERROR dmn-models/routing.dmn:27 [queue-table]: reason code NO_SUCH_CODE")
                .doesNotContain("contracted");
        assertThat(analysis.getAction())
                .contains("policy validate --rules /srv/policy/rules --dmn /srv/policy/dmn-models");
        assertThat(analysis.getCause()).isSameAs(broken);
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("not a policy problem"))).isNull();
    }

    private static Throwable asTheActivePolicyFailsAtStartUp(PolicyLoadException cause) {
        return new BeanCreationException("activePolicy", "Failed to instantiate [dev.arbiter.policy.ActivePolicy]",
                new BeanInstantiationException(ActivePolicy.class, "Constructor threw exception", cause));
    }
}
