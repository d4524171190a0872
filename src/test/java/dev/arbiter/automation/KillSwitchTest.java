package dev.arbiter.automation;

import static dev.arbiter.support.Api.AUTOMATION;
import static dev.arbiter.support.Api.DECISIONS;
import static dev.arbiter.support.Api.JSON;
import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.automatableRequestOn;
import static dev.arbiter.support.Texts.emoji;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/** The kill switch over HTTP: an operator pauses automation globally or per channel, and resumes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KillSwitchTest extends HttpServiceTest {

    /** Other tests share this service: leave automation running everywhere. */
    @AfterEach
    void resumeEverywhere() {
        json(api.get(AUTOMATION)).path("channels").propertyNames()
                .forEach(channel -> api.automation("{\"paused\": false, \"channel\": \"" + channel + "\"}"));
        api.automation("{\"paused\": false}");
    }

    @Test
    void globalPauseRoutesAnAutomatableChatToAnAgent() {
        assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("AUTOMATE");

        JsonNode state = client("ops-alice").automation("{\"paused\": true, \"reason\": \"incident 42\"}");

        assertThat(state.path("global").path("pausedBy").asString()).isEqualTo("ops-alice");
        assertThat(state.path("global").path("reason").asString()).isEqualTo("incident 42");
        JsonNode decision = api.decided(automatableChatRequest());
        assertThat(decision.path("outcome").asString()).isEqualTo("ROUTE_TO_AGENT");
        assertThat(codes(decision)).contains("AUTOMATION_PAUSED").doesNotContain("AUTOMATION_APPROVED");
        assertThat(decision.path("handoff").isObject()).isTrue();
        JsonNode trace = json(api.get(DECISIONS + "/" + decision.path("decisionId").asString() + "/trace"));
        assertThat(trace.path("automation").path("paused").asBoolean()).isTrue();
        assertThat(trace.path("automation").path("scope").asString()).isEqualTo("GLOBAL");
    }

    @Test
    void channelPauseAffectsThatChannelOnly() {
        JsonNode state = api.automation("{\"paused\": true, \"channel\": \"CHAT\"}");

        assertThat(state.path("global").isNull()).isTrue();
        assertThat(state.path("channels").propertyNames()).containsExactly("CHAT");
        JsonNode chat = api.decided(automatableChatRequest());
        assertThat(chat.path("outcome").asString()).isEqualTo("ROUTE_TO_AGENT");
        assertThat(codes(chat)).contains("AUTOMATION_PAUSED");
        JsonNode email = api.decided(automatableRequestOn("EMAIL"));
        assertThat(email.path("outcome").asString()).isEqualTo("AUTOMATE");
        assertThat(codes(email)).doesNotContain("AUTOMATION_PAUSED");
    }

    @Test
    void resumeRestoresAutomation() {
        api.automation("{\"paused\": true}");
        assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("ROUTE_TO_AGENT");

        JsonNode state = api.automation("{\"paused\": false}");

        assertThat(state.path("global").isNull()).isTrue();
        JsonNode decision = api.decided(automatableChatRequest());
        assertThat(decision.path("outcome").asString()).isEqualTo("AUTOMATE");
        assertThat(codes(decision)).containsExactly("AUTOMATION_APPROVED");
    }

    @Test
    void stateShowsGlobalAndChannelPauses() {
        api.automation("{\"paused\": true, \"channel\": \"VOICE\", \"reason\": \"IVR outage\"}");
        client("ops-grace").automation("{\"paused\": true}");

        JsonNode state = json(api.get(AUTOMATION));

        assertThat(state.path("global").path("pausedAt").asString()).isNotBlank();
        assertThat(state.path("global").path("pausedBy").asString()).isEqualTo("ops-grace");
        assertThat(state.path("channels").path("VOICE").path("reason").asString()).isEqualTo("IVR outage");
    }

    @Test
    void commandWithoutPausedIsRejectedNamingTheField() {
        JsonNode problem = assertProblem(api.put(AUTOMATION, JSON.readTree("{\"channel\": \"CHAT\"}")), 400);

        assertThat(errorFields(problem)).containsExactly("paused");
        assertThat(json(api.get(AUTOMATION)).path("channels").isEmpty()).isTrue();
    }

    @Test
    void commandForAnUnknownChannelIsRejectedNamingTheField() {
        JsonNode problem = assertProblem(api.put(AUTOMATION, JSON.readTree("{\"paused\": true, \"channel\": \"FAX\"}")), 400);

        assertThat(errorFields(problem)).containsExactly("channel");
        assertThat(json(api.get(AUTOMATION)).path("global").isNull()).isTrue();
    }

    @Test
    void aReasonOf500EmojiIsStoredWhole() {
        JsonNode state = api.automation(pauseWithReason(emoji(500)).toString());

        assertThat(state.path("global").path("reason").asString()).isEqualTo(emoji(500));
        assertThat(json(api.get(AUTOMATION)).path("global").path("reason").asString()).isEqualTo(emoji(500));
    }

    @Test
    void aReasonOf501EmojiIsRejectedCountingCharacters() {
        JsonNode problem = assertProblem(api.put(AUTOMATION, pauseWithReason(emoji(501))), 400);

        assertThat(errorFields(problem)).containsExactly("reason");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("must be at most 500 characters");
    }

    /** @return a global pause command with {@code reason} */
    private static JsonNode pauseWithReason(String reason) {
        return JSON.createObjectNode().put("paused", true).put("reason", reason);
    }

    private static List<String> codes(JsonNode decision) {
        List<String> codes = new ArrayList<>();
        decision.path("reasons").forEach(reason -> codes.add(reason.path("code").asString()));
        return codes;
    }
}
