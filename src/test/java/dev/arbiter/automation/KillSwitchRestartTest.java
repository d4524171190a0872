package dev.arbiter.automation;

import static dev.arbiter.support.Api.AUTOMATION;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.automatableRequestOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.arbiter.ArbiterApplication;
import dev.arbiter.support.Api;
import tools.jackson.databind.JsonNode;

/** An operator's pause is stored: it is still in force after the service restarts on the same database. */
class KillSwitchRestartTest {

    private final String databaseUrl =
            "jdbc:h2:file:./target/test-db/restart-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE";

    @Test
    void pausesSurviveARestart() {
        try (ConfigurableApplicationContext service = start()) {
            Api api = clientOf(service);
            assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("AUTOMATE");
            api.automation("{\"paused\": true, \"reason\": \"before the restart\"}");
            api.automation("{\"paused\": true, \"channel\": \"EMAIL\"}");
        }

        try (ConfigurableApplicationContext restarted = start()) {
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

    /** Starts the whole service on a random port; command-line arguments outrank the test configuration. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ArbiterApplication.class)
                .run("--spring.datasource.url=" + databaseUrl, "--server.port=0");
    }

    private static Api clientOf(ConfigurableApplicationContext service) {
        return new Api(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
