package dev.arbiter.lifecycle;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.RestartableService.clientOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.support.Api;
import dev.arbiter.support.RestartableService;
import tools.jackson.databind.JsonNode;

/**
 * A restart brings back the version last activated, not whatever files happen to be on disk; it says what the files
 * on disk are good for when they differ.
 */
@ExtendWith(OutputCaptureExtension.class)
class PolicyRestartTest {

    /** A rule about a fact type that does not exist: the file does not compile. */
    private static final String RULE_THAT_DOES_NOT_COMPILE = """
            package arbiter.policy;

            rule "Typo"
            when
                NoSuchFact()
            then
            end
            """;

    private final RestartableService service = new RestartableService("policy-restart");

    @Test
    void theLastActivatedVersionIsActiveAgainAfterARestart(CapturedOutput output) {
        Map<String, String> edited = PolicyLifecycleApiTest.withEdit(PolicyLifecycleApiTest.shipped().contents(),
                "rules/reason-codes.yaml", "owner: Legal", "owner: Legal and compliance");
        String activated;
        String activatedAt;
        int warnings;
        try (ConfigurableApplicationContext running = service.start()) {
            Api api = clientOf(running);
            JsonNode result = json(api.post("/api/v1/policies/activate", Map.of("files", edited, "label", "before the restart")));
            activated = result.path("version").asString();
            warnings = result.path("gate").path("validation").path("warnings").size();
            activatedAt = json(api.get("/api/v1/policies/active")).path("activatedAt").asString();
            assertThat(activated).isEqualTo(new PolicyFiles(edited).version());
        }

        try (ConfigurableApplicationContext restarted = service.start()) {
            Api api = clientOf(restarted);
            assertThat(json(api.get("/api/v1/policies/active")).path("version").asString()).isEqualTo(activated);
            assertThat(json(api.get("/api/v1/policies/active")).path("label").asString()).isEqualTo("before the restart");
            assertThat(json(api.get("/api/v1/policies/active")).path("activatedAt").asString())
                    .as("the activation time as answered before the restart").isEqualTo(activatedAt);
            assertEveryPlaceReportsWarnings(api, warnings);
            assertThat(api.decided(automatableChatRequest()).path("policyVersion").asString()).isEqualTo(activated);
        }
        assertThat(output.getAll()).as("the shipped files on disk compile: they may be activated")
                .contains("differ from the active version " + activated + ": activate them with POST /api/v1/policies/activate");
    }

    @Test
    void policyFilesOnDiskWithErrorsAreReportedAsSuchAtARestartNotOfferedForActivation(@TempDir Path folder,
                                                                                      CapturedOutput output) throws IOException {
        write(PolicyLifecycleApiTest.shipped(), folder);
        String[] policyOnDisk = {"--arbiter.policy.rules-dir=" + folder.resolve("rules"),
                "--arbiter.policy.dmn-dir=" + folder.resolve("dmn-models")};
        String active;
        try (ConfigurableApplicationContext running = service.start(policyOnDisk)) {
            active = json(clientOf(running).get("/api/v1/policies/active")).path("version").asString();
        }
        Files.writeString(folder.resolve("rules/typo.drl"), RULE_THAT_DOES_NOT_COMPILE);
        PolicyFiles broken = PolicyFiles.read(folder.resolve("rules"), folder.resolve("dmn-models"));
        int errors = new PolicyLoader().validate(broken).report().errors().size();

        try (ConfigurableApplicationContext restarted = service.start(policyOnDisk)) {
            assertThat(json(clientOf(restarted).get("/api/v1/policies/active")).path("version").asString()).isEqualTo(active);
        }
        assertThat(errors).isPositive();
        assertThat(output.getAll())
                .contains("The policy files on disk (" + broken.version() + ") differ from the active version " + active
                        + " and have " + errors + " error(s), so they cannot be activated")
                .contains("POST /api/v1/policies/validate")
                .contains("policy validate --rules " + folder.resolve("rules"))
                .doesNotContain("activate them with");
    }

    /** Writes policy files under {@code folder} as the service reads them: {@code rules/...}, {@code dmn-models/...}. */
    private static void write(PolicyFiles files, Path folder) throws IOException {
        for (Map.Entry<String, String> file : files.contents().entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    @Test
    void theFirstVersionHasTheWarningsOfItsValidationEverywhereAndAfterARestart() {
        int validated;
        try (ConfigurableApplicationContext running = service.start()) {
            Api api = clientOf(running);
            validated = json(api.post("/api/v1/policies/validate", null)).path("warnings").size();
            assertThat(validated).as("the shipped tables have warnings that only the decision-table analysis finds")
                    .isPositive();
            assertEveryPlaceReportsWarnings(api, validated);
        }

        try (ConfigurableApplicationContext restarted = service.start()) {
            assertEveryPlaceReportsWarnings(clientOf(restarted), validated);
        }
    }

    /** Asserts the warnings of the active version in its summary, its history entry and the policy health. */
    private static void assertEveryPlaceReportsWarnings(Api api, int expected) {
        JsonNode active = json(api.get("/api/v1/policies/active"));
        JsonNode listed = json(api.get("/api/v1/policies/versions")).get(0);
        JsonNode health = json(api.get("/actuator/health")).path("components").path("policy").path("details");

        assertThat(active.path("warnings").asInt()).as("/active").isEqualTo(expected);
        assertThat(listed.path("version").asString()).isEqualTo(active.path("version").asString());
        assertThat(listed.path("warnings").asInt()).as("/versions").isEqualTo(expected);
        assertThat(health.path("warnings").asInt()).as("health policy.details: %s", health).isEqualTo(expected);
    }
}
