package dev.arbiter.automation;

import static dev.arbiter.support.Api.AUTOMATION;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.automatableRequestOn;
import static dev.arbiter.support.RestartableService.clientOf;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.support.Api;
import dev.arbiter.support.RestartableService;
import tools.jackson.databind.JsonNode;

/** An operator's pause is stored: it is still in force after the service restarts on the same database. */
class KillSwitchRestartTest {

    private final RestartableService service = new RestartableService("kill-switch-restart");

    @Test
    void pausesSurviveARestart() {
        try (ConfigurableApplicationContext running = service.start()) {
            Api api = clientOf(running);
            assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("AUTOMATE");
            api.automation("{\"paused\": true, \"reason\": \"before the restart\"}");
            api.automation("{\"paused\": true, \"channel\": \"EMAIL\"}");
        }

        try (ConfigurableApplicationContext restarted = service.start()) {
            Api api = clientOf(restarted);
            JsonNode state = json(api.get(AUTOMATION));
            assertThat(state.path("global").path("reason").asString()).isEqualTo("before the restart");
            assertThat(state.path("channels").propertyNames()).containsExactly("EMAIL");
            JsonNode decision = api.decided(automatableChatRequest());
            assertThat(decision.path("outcome").asString()).isEqualTo("ROUTE_TO_AGENT");
            assertThat(decision.path("reasons").findValuesAsString("code")).contains("AUTOMATION_PAUSED");

            api.automation("{\"paused\": false}");

            assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("AUTOMATE");
            assertThat(api.decided(automatableRequestOn("EMAIL")).path("outcome").asString())
                    .as("the channel pause outlives the global resume").isEqualTo("ROUTE_TO_AGENT");
        }
    }
}
