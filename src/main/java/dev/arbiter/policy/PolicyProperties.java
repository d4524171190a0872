package dev.arbiter.policy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the policy lives. Relative paths resolve against the working directory.
 *
 * @param rulesDir    DRL rules, the reason catalog and the word lists
 * @param dmnDir      DMN decision models
 * @param scenarioDir business scenarios (policy tests)
 */
@ConfigurationProperties("arbiter.policy")
public record PolicyProperties(Path rulesDir, Path dmnDir, Path scenarioDir) {

    public PolicyProperties {
        rulesDir = rulesDir == null ? Path.of("rules") : rulesDir;
        dmnDir = dmnDir == null ? Path.of("dmn-models") : dmnDir;
        scenarioDir = scenarioDir == null ? Path.of("policy-tests") : scenarioDir;
    }

    /** @return the policy files as they are on disk now */
    public PolicyFiles readFiles() {
        return PolicyFiles.read(rulesDir, dmnDir);
    }
}
