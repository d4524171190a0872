package dev.arbiter.policy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the policy lives. Relative paths resolve against the working directory.
 *
 * @param rulesDir    DRL rules, the reason catalog and the word lists
 * @param dmnDir      DMN decision models
 * @param scenarioDir    business scenarios (policy tests)
 * @param maxRuleFirings the most rules one evaluation may fire ({@value #DEFAULT_MAX_RULE_FIRINGS} when not set): an
 *                       evaluation that reaches it fails, so a rule that keeps re-activating itself fails safe (live)
 *                       or fails the scenarios (gate) instead of running until memory runs out
 */
@ConfigurationProperties("arbiter.policy")
public record PolicyProperties(Path rulesDir, Path dmnDir, Path scenarioDir, Integer maxRuleFirings) {

    /** Far above what any shipped scenario fires (a few dozen), far below what exhausts memory. */
    public static final int DEFAULT_MAX_RULE_FIRINGS = 10_000;

    public PolicyProperties {
        rulesDir = rulesDir == null ? Path.of("rules") : rulesDir;
        dmnDir = dmnDir == null ? Path.of("dmn-models") : dmnDir;
        scenarioDir = scenarioDir == null ? Path.of("policy-tests") : scenarioDir;
        maxRuleFirings = maxRuleFirings == null ? DEFAULT_MAX_RULE_FIRINGS : maxRuleFirings;
        if (maxRuleFirings < 1) {
            throw new IllegalArgumentException("arbiter.policy.max-rule-firings must be positive, not " + maxRuleFirings);
        }
    }

    /** @return a loader whose bundles keep to {@link #maxRuleFirings()} */
    public PolicyLoader loader() {
        return new PolicyLoader(maxRuleFirings);
    }

    /** @return the policy files as they are on disk now */
    public PolicyFiles readFiles() {
        return PolicyFiles.read(rulesDir, dmnDir);
    }
}
