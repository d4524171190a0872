package dev.arbiter.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.PolicyProperties;

/**
 * Runs every case of every file in {@code policy-tests/} as its own named test, against the shipped policy,
 * through the engine that serves the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PolicyScenariosTest {

    @Autowired
    ScenarioRunner runner;

    @Autowired
    ActivePolicy policy;

    @Autowired
    PolicyProperties properties;

    @TestFactory
    Stream<DynamicNode> everyScenarioOfEveryPolicyFile() {
        List<Scenario> scenarios = new ScenarioLoader().load(properties.scenarioDir());
        Map<String, List<Scenario>> byFile = scenarios.stream()
                .collect(Collectors.groupingBy(Scenario::file, TreeMap::new, Collectors.toList()));
        return byFile.entrySet().stream().map(file -> DynamicContainer.dynamicContainer(
                file.getKey() + ": " + file.getValue().get(0).concern(),
                file.getValue().stream().map(this::caseTest)));
    }

    private DynamicTest caseTest(Scenario scenario) {
        return DynamicTest.dynamicTest(scenario.name(), () -> {
            ScenarioResult result = runner.run(scenario, policy.current());
            assertThat(result.failures()).as("%s › %s", scenario.file(), scenario.name()).isEmpty();
        });
    }
}
