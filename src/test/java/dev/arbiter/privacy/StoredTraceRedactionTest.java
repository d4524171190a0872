package dev.arbiter.privacy;

import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.with;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personal data in the customer's text is masked in the stored trace and answer, never in the answer the caller
 * gets, and the trace says what was masked where.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredTraceRedactionTest extends HttpServiceTest {

    private static final String EMAIL = "jane.doe@mail.example";
    private static final String PHONE = "+49 30 1234567";
    private static final String CARD = "4111 1111 1111 1111";
    private static final String MESSAGE = "I can't pay my bill, card " + CARD + " was refused. Mail " + EMAIL + " or call " + PHONE;
    private static final String EARLIER = "my old address was jane@old.example";

    @Test
    void storedTraceAndAnswerAreMaskedWhileTheCallerGetsTheTextAsSent() {
        ObjectNode request = requestWithPersonalData();

        JsonNode answer = api.decided(request);

        assertThat(answer.path("handoff").path("lastMessages").toString()).contains(EMAIL, PHONE, CARD, EARLIER);
        assertThat(storedDocuments(answer.path("decisionId").asString())).hasSize(2).allSatisfy(stored -> assertThat(stored)
                .doesNotContain(EMAIL, PHONE, CARD, "jane@old.example", "1111 1111")
                .contains("[EMAIL]", "[PHONE]", "[CARD_NUMBER]"));
    }

    @Test
    void traceListsEachRedactionWithItsRuleFieldAndCount() {
        JsonNode answer = api.decided(requestWithPersonalData());

        JsonNode trace = json(api.get("/api/v1/decisions/" + answer.path("decisionId").asString() + "/trace"));

        assertThat(redactions(trace)).contains(
                "EMAIL request.interaction.message 1",
                "CARD_NUMBER request.interaction.message 1",
                "PHONE request.interaction.message 1",
                "EMAIL request.interaction.history[0] 1",
                "EMAIL response.handoff.lastMessages[1] 1");
        assertThat(trace.path("request").path("interaction").path("message").asString())
                .isEqualTo("I can't pay my bill, card [CARD_NUMBER] was refused. Mail [EMAIL] or call [PHONE]");
    }

    @Test
    void storedDecisionReadBackIsTheMaskedCopy() {
        JsonNode answer = api.decided(requestWithPersonalData());

        JsonNode stored = json(api.get("/api/v1/decisions/" + answer.path("decisionId").asString()));

        assertThat(stored.path("handoff").path("lastMessages").toString()).doesNotContain(EMAIL).contains("[EMAIL]");
        assertThat(stored.path("outcome")).isEqualTo(answer.path("outcome"));
    }

    @Test
    void repeatedRequestWithPersonalDataIsStillRecognisedAsTheSameRequest() {
        ObjectNode request = requestWithPersonalData();
        JsonNode first = api.decided(request);

        HttpResponse<String> repeated = api.decide(request);

        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
        assertThat(repeated.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(repeated).path("decisionId")).isEqualTo(first.path("decisionId"));
    }

    @Test
    void textWithoutPersonalDataIsStoredUnchangedWithNoRedactions() {
        JsonNode answer = api.decided(withRequestId(designExampleRequest(), uniqueRequestId("no-pii")));

        JsonNode trace = json(api.get("/api/v1/decisions/" + answer.path("decisionId").asString() + "/trace"));

        assertThat(trace.path("redactions").isArray()).isTrue();
        assertThat(trace.path("redactions")).isEmpty();
        assertThat(trace.path("request").path("interaction").path("message").asString()).isEqualTo("I can't pay my bill");
    }

    /** The design example (not automated, so the answer carries a hand-off) with personal data in its text. */
    private static ObjectNode requestWithPersonalData() {
        ObjectNode request = withRequestId(designExampleRequest(), uniqueRequestId("redaction"));
        request = with(request, "interaction.message", MESSAGE);
        return with(request, "interaction.history", List.of(EARLIER));
    }

    /** @return the stored trace and answer JSON, as written to the database (UTF-8 bytes) */
    private List<String> storedDocuments(String decisionId) {
        return jdbc.sql("SELECT trace_json_utf8, response_json_utf8 FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query((rs, row) -> List.of(new String(rs.getBytes(1), StandardCharsets.UTF_8), new String(rs.getBytes(2), StandardCharsets.UTF_8)))
                .single();
    }

    private static List<String> redactions(JsonNode trace) {
        List<String> applied = new ArrayList<>();
        trace.path("redactions").forEach(r -> applied.add(r.path("rule").asString() + " " + r.path("field").asString() + " "
                + r.path("count").asInt()));
        return applied;
    }
}
