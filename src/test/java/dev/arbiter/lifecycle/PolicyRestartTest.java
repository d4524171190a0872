package dev.arbiter.lifecycle;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.RestartableService.clientOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.support.Api;
import dev.arbiter.support.RestartableService;

/** A restart brings back the version last activated, not whatever files happen to be on disk. */
class PolicyRestartTest {

    private final RestartableService service = new RestartableService("policy-restart");

    @Test
    void theLastActivatedVersionIsActiveAgainAfterARestart() {
        Map<String, String> edited = PolicyLifecycleApiTest.withEdit(PolicyLifecycleApiTest.shipped().contents(),
                "rules/reason-codes.yaml", "owner: Legal", "owner: Legal and compliance");
        String activated;
        try (ConfigurableApplicationContext running = service.start()) {
            Api api = clientOf(running);
            activated = json(api.post("/api/v1/policies/activate", Map.of("files", edited,
                    "label", "before the restart"))).path("version").asString();
            assertThat(activated).isEqualTo(new PolicyFiles(edited).version());
        }

        try (ConfigurableApplicationContext restarted = service.start()) {
            Api api = clientOf(restarted);
            assertThat(json(api.get("/api/v1/policies/active")).path("version").asString()).isEqualTo(activated);
            assertThat(json(api.get("/api/v1/policies/active")).path("label").asString()).isEqualTo("before the restart");
            assertThat(api.decided(automatableChatRequest()).path("policyVersion").asString()).isEqualTo(activated);
        }
    }
}
