package dev.arbiter.web;

import static dev.arbiter.support.Api.DECISIONS;
import static dev.arbiter.support.Api.JSON;
import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.with;
import static dev.arbiter.support.DecisionRequests.withHistory;
import static dev.arbiter.support.DecisionRequests.withIntentConfidence;
import static dev.arbiter.support.DecisionRequests.withProposedActions;
import static dev.arbiter.support.DecisionRequests.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every client mistake in a decision request is a 4xx {@code application/problem+json} naming the offending
 * field, never a 5xx, and leaves no trace row behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadDecisionRequestTest extends HttpServiceTest {

    private static final int MAX_BODY_BYTES = 65_536;

    // --- missing required fields

    @Test
    void missingCustomerIsRejectedNamingTheField() {
        assertInvalid(without(automatableChatRequest(), "customer"), "customer");
    }

    @Test
    void missingInteractionIsRejectedNamingTheField() {
        assertInvalid(without(automatableChatRequest(), "interaction"), "interaction");
    }

    @Test
    void missingChannelIsRejectedNamingTheField() {
        assertInvalid(without(automatableChatRequest(), "interaction.channel"), "interaction.channel");
    }

    @Test
    void missingMessageIsRejectedNamingTheField() {
        assertInvalid(without(automatableChatRequest(), "interaction.message"), "interaction.message");
    }

    @Test
    void blankMessageIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "interaction.message", "   "), "interaction.message");
    }

    @Test
    void missingLineOfBusinessIsRejectedNamingTheField() {
        assertInvalid(without(automatableChatRequest(), "lineOfBusiness"), "lineOfBusiness");
    }

    @Test
    void missingCustomerIdIsRejectedNamingTheField() {
        assertInvalid(without(automatableChatRequest(), "customer.id"), "customer.id");
    }

    @Test
    void everyMissingFieldIsNamedInOneProblem() {
        ObjectNode request = without(without(automatableChatRequest(), "customer.id"), "interaction.message");

        JsonNode problem = assertRejected(() -> api.decide(request), 400);

        assertThat(errorFields(problem)).contains("customer.id", "interaction.message");
    }

    // --- values outside the documented value sets

    @Test
    void unknownChannelIsRejectedNamingTheField() {
        JsonNode problem = assertInvalid(with(automatableChatRequest(), "interaction.channel", "FAX"), "interaction.channel");

        assertThat(problem.path("errors").get(0).path("message").asString()).contains("CHAT", "EMAIL");
    }

    @Test
    void unknownTierIsRejectedNamingTheField() {
        assertInvalid(with(designExampleRequest(), "customer.tier", "DIAMOND"), "customer.tier");
    }

    @Test
    void unknownTicketPriorityIsRejectedNamingTheField() {
        assertInvalid(with(designExampleRequest(), "customer.openTickets[0].priority", "P5"),
                "customer.openTickets[0].priority");
    }

    @Test
    void unknownReturnReasonIsRejectedNamingTheField() {
        assertInvalid(with(designExampleRequest(), "customer.recentReturns[0].reason", "BORED"),
                "customer.recentReturns[0].reason");
    }

    @Test
    void unknownContactKindIsRejectedNamingTheField() {
        assertInvalid(with(designExampleRequest(), "customer.recentContacts[0].kind", "SALES"),
                "customer.recentContacts[0].kind");
    }

    @Test
    void unknownActionTypeIsRejectedNamingTheField() {
        assertInvalid(with(designExampleRequest(), "proposedActions[0].type", "DISCOUNT"), "proposedActions[0].type");
    }

    @Test
    void enumValueGivenAsANumberIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "interaction.channel", 0), "interaction.channel");
    }

    @Test
    void lowerCaseLineOfBusinessIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "lineOfBusiness", "retail"), "lineOfBusiness");
    }

    @Test
    void lineOfBusinessOverItsLengthIsToldTheWholeRule() {
        assertThat(api.decided(with(automatableChatRequest(), "lineOfBusiness", "A".repeat(32))).path("outcome").asString())
                .isNotBlank();

        JsonNode problem = assertInvalid(with(automatableChatRequest(), "lineOfBusiness", "A".repeat(33)), "lineOfBusiness");

        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo(
                "must be an upper-case code of 1 to 32 letters, digits or _ starting with a letter, such as RETAIL");
    }

    @Test
    void unknownProfileCategoryIsRejectedListingTheAllowedValues() {
        JsonNode problem = assertInvalid(with(designExampleRequest(), "customer.profile.contract", "Forever"),
                "customer.profile.contract");

        assertThat(problem.path("errors").get(0).path("message").asString())
                .isEqualTo("must be one of [Month-to-month, One year, Two year]");
        assertInvalid(with(designExampleRequest(), "customer.profile.paymentMethod", "Cheque"), "customer.profile.paymentMethod");
    }

    @Test
    void profileCategoryInAnotherCaseIsDecidedAndAnAbsentOneDefaults() {
        ObjectNode request = without(designExampleRequest(), "requestId");

        assertThat(api.decided(with(request, "customer.profile.contract", "two YEAR")).path("churnRisk").isNumber()).isTrue();
        assertThat(api.decided(without(request, "customer.profile.contract")).path("churnRisk").isNumber()).isTrue();
    }

    // --- wrong JSON types

    @Test
    void stringForANumberIsRejectedNamingTheField() {
        assertInvalid(with(designExampleRequest(), "customer.lifetimeValue", "a lot"), "customer.lifetimeValue");
    }

    @Test
    void numericStringForAConfidenceIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "interaction.intent.confidence", "0.97"), "interaction.intent.confidence");
    }

    @Test
    void numberForAStringIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "customer.id", 123), "customer.id");
    }

    @Test
    void objectForAnArrayIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "interaction.history", JSON.createObjectNode()), "interaction.history");
    }

    @Test
    void arrayForAnObjectIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "customer", JSON.createArrayNode()), "customer");
    }

    // --- malformed JSON

    @Test
    void malformedJsonIsRejected() {
        JsonNode problem = assertRejected(() -> api.decide("{\"lineOfBusiness\": \"RETAIL\", \"customer\": {"), 400);

        assertThat(errorFields(problem)).isNotEmpty().allSatisfy(field -> assertThat(field).isNotBlank());
    }

    @Test
    void trailingContentAfterTheJsonIsRejectedAsSuch() {
        for (String trailing : List.of(" {}", " 1", " []", "}", " xyz", "]")) {
            String body = JSON.writeValueAsString(automatableChatRequest()) + trailing;

            JsonNode problem = assertRejected(() -> api.decide(body), 400);

            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("body");
            assertThat(problem.path("errors").get(0).path("message").asString()).as("after %s", trailing)
                    .contains("content after the JSON object at line 1, column ");
        }
    }

    @Test
    void aTrailingCommaNamesTheObjectItIsInNotTheFieldBeforeIt() {
        String top = JSON.writeValueAsString(automatableChatRequest()).replaceFirst("}$", ",}");
        String nested = JSON.writeValueAsString(automatableChatRequest()).replaceFirst("\"customer\":\\{",
                "\"customer\":{\"id\":\"c-1\",}");

        JsonNode atTop = assertRejected(() -> api.decide(top), 400);
        JsonNode inCustomer = assertRejected(() -> api.decide(nested), 400);

        assertThat(errorFields(atTop)).containsExactly("body");
        assertThat(errorFields(inCustomer)).containsExactly("customer");
        assertThat(inCustomer.path("errors").get(0).path("message").asString()).contains("at line 1, column ");
    }

    @Test
    void truncatedBodyIsRejectedAsIncompleteNamingThePositionNotAField() {
        String full = JSON.writeValueAsString(designExampleRequest());
        // Inside a property name, inside string values, after an object's and an array's opening.
        for (String cutAfterFirstOf : List.of("\"at\"", "ETAIL", "T-9", "{\"id\"", "[{\"id\"")) {
            String body = full.substring(0, full.indexOf(cutAfterFirstOf) + 1);

            JsonNode problem = assertRejected(() -> api.decide(body), 400);

            assertThat(errorFields(problem)).as("cut %s", body).containsExactly("body");
            assertThat(problem.path("errors").get(0).path("message").asString()).as("cut %s", body)
                    .contains("incomplete JSON", "at line 1, column ");
        }
    }

    @Test
    void unknownFieldIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "customer.nickname", "Bob"), "customer.nickname");
    }

    @Test
    void duplicateKeyIsRejectedNamingTheField() {
        String body = JSON.writeValueAsString(automatableChatRequest())
                .replaceFirst("\\{", "{\"lineOfBusiness\":\"FINANCE\",");

        JsonNode problem = assertRejected(() -> api.decide(body), 400);

        assertThat(errorFields(problem)).contains("lineOfBusiness");
    }

    @Test
    void emptyBodyIsRejected() {
        JsonNode problem = assertRejected(() -> api.decide(""), 400);

        assertThat(errorFields(problem)).containsExactly("body");
    }

    @Test
    void jsonNullBodyIsRejected() {
        assertRejected(() -> api.decide("null"), 400);
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRejected() {
        String deep = "[".repeat(5_000) + "\"x\"" + "]".repeat(5_000);
        String body = JSON.writeValueAsString(automatableChatRequest())
                .replace("\"channel\"", "\"history\":[" + deep + "],\"channel\"");

        JsonNode problem = assertRejected(() -> api.decide(body), 400);

        assertThat(errorFields(problem)).isNotEmpty().allSatisfy(field -> assertThat(field).startsWith("interaction.history"));
    }

    // --- ranges and formats

    @Test
    void intentConfidenceAboveOneIsRejectedNamingTheField() {
        assertInvalid(withIntentConfidence(automatableChatRequest(), 1.5), "interaction.intent.confidence");
    }

    @Test
    void negativeIntentConfidenceIsRejectedNamingTheField() {
        assertInvalid(withIntentConfidence(automatableChatRequest(), -0.1), "interaction.intent.confidence");
    }

    @Test
    void aiAnswerConfidenceAboveOneIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "interaction.aiAnswer.confidence", 1.5), "interaction.aiAnswer.confidence");
    }

    @Test
    void sentimentAboveOneIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "interaction.sentiment", 1.2), "interaction.sentiment");
    }

    @Test
    void dateWithoutOffsetIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "at", "2026-11-21T10:00:00"), "at");
    }

    @Test
    void ticketDateWithoutOffsetIsRejectedNamingTheField() {
        assertInvalid(with(designExampleRequest(), "customer.openTickets[0].openedAt", "2026-11-20T09:00:00"),
                "customer.openTickets[0].openedAt");
    }

    @Test
    void epochSecondsForTheInteractionTimeAreRejectedNamingTheField() {
        for (Object epoch : epochSpellings()) {
            JsonNode problem = assertInvalid(with(automatableChatRequest(), "at", epoch), "at");

            assertThat(problem.path("errors").get(0).path("message").asString()).as("for %s", epoch).contains("ISO-8601");
        }
    }

    @Test
    void epochSecondsForEveryInstantOfTheCustomerAreRejectedNamingTheField() {
        for (String path : List.of("customer.openTickets[0].openedAt", "customer.recentReturns[0].returnedAt",
                "customer.recentContacts[0].at")) {
            for (Object epoch : epochSpellings()) {
                assertInvalid(with(designExampleRequest(), path, epoch), path);
            }
        }
    }

    /** 2023-11-14T22:13:20Z and others as epoch seconds: numbers, and a number in a string. */
    private static List<Object> epochSpellings() {
        return List.of(1_700_000_000, -1, 1.5e9, "1700000000");
    }

    @Test
    void instantsWithAnOffsetOtherThanUtcAreDecided() {
        ObjectNode request = with(automatableChatRequest(), "at", "2026-11-21T11:00:00+01:00");

        assertThat(api.decided(request).path("outcome").asString()).isNotBlank();
    }

    @Test
    void fractionForAWholeNumberIsRejectedSayingItMustBeWhole() {
        for (String fraction : List.of("5.5", "5.0", "1e2", "1e20")) {
            JsonNode problem = assertInvalid(bodyWith(designExampleRequest(), "customer.profile.tenureMonths", fraction),
                    "customer.profile.tenureMonths");

            assertThat(problem.path("errors").get(0).path("message").asString()).as("for %s", fraction)
                    .contains("whole number from 0 to 1200");
        }
    }

    @Test
    void wholeNumberBeyondItsTypeIsRejectedAsOutOfRangeInPlainWords() {
        for (String huge : List.of("99999999999", "1" + "0".repeat(30), "-99999999999")) {
            JsonNode problem = assertInvalid(bodyWith(designExampleRequest(), "customer.profile.tenureMonths", huge),
                    "customer.profile.tenureMonths");

            assertThat(problem.path("errors").get(0).path("message").asString()).as("for %s", huge)
                    .contains("out of range", "from 0 to 1200").doesNotContain("`", "int ");
        }
    }

    @Test
    void numberOfHundredsOfDigitsIsRejectedNamingItsOwnField() {
        assertInvalid(bodyWith(automatableChatRequest(), "interaction.intent.confidence", "1" + "0".repeat(400)),
                "interaction.intent.confidence");
    }

    @Test
    void numberLongerThanTheParserTakesIsRejectedNamingTheObjectThatContainsIt() {
        JsonNode problem = assertInvalid(bodyWith(automatableChatRequest(), "interaction.intent.confidence",
                "1".repeat(1_001)), "interaction.intent");

        assertThat(problem.path("errors").get(0).path("message").asString()).startsWith("contains a value that exceeds");
    }

    @Test
    void unknownTimeZoneIsRejectedNamingTheField() {
        assertInvalid(with(automatableChatRequest(), "customer.timeZone", "Mars/Olympus"), "customer.timeZone");
    }

    @Test
    void offsetsAndNonIanaIdsForTheTimeZoneAreRejectedNamingTheField() {
        for (String zone : List.of("+02:00", "Z", "GMT+5", "UTC+01:00", "SystemV/EST5")) {
            assertInvalid(with(automatableChatRequest(), "customer.timeZone", zone), "customer.timeZone");
        }
    }

    @Test
    void ianaRegionIdsForTheTimeZoneAreDecided() {
        for (String zone : List.of("UTC", "Etc/UTC", "Asia/Kathmandu", "Etc/GMT-14")) {
            assertThat(api.decided(with(automatableChatRequest(), "customer.timeZone", zone)).path("outcome").asString())
                    .as(zone).isNotBlank();
        }
    }

    @Test
    void idsWithControlCharactersAreRejectedNamingTheField() {
        for (String path : idPaths()) {
            for (String id : List.of("c\u0000123", "c-123\r\nX", "c\n123", "c\t123", "c\u007F", "c\u0085")) {
                JsonNode problem = assertInvalid(with(designExampleRequest(), path, id), path);

                assertThat(messageFor(problem, path)).as("%s = %s", path, id).isEqualTo("must not contain control characters");
            }
        }
    }

    @Test
    void idsWithInvisibleCharactersAreRejectedNamingTheField() {
        for (String path : idPaths()) {
            // Written as JSON escapes, so that the lone surrogate reaches the service as it is.
            for (String id : List.of("c\\u200b123", "\\u202ec-123", "c-123\\ufeff", "c\\u2028123", "c\\ud800")) {
                JsonNode problem = assertInvalid(bodyWith(designExampleRequest(), path, "\"" + id + "\""), path);

                assertThat(messageFor(problem, path)).as("%s = %s", path, id).startsWith("must not contain");
            }
        }
    }

    @Test
    void idsWithWhiteSpaceAtEitherEndAreRejectedNamingTheField() {
        for (String path : idPaths()) {
            for (String id : List.of(" c-123", "c-123 ", "\u00A0c-123", "c-123\u3000")) {
                JsonNode problem = assertInvalid(with(designExampleRequest(), path, id), path);

                assertThat(messageFor(problem, path)).as("%s = '%s'", path, id).isEqualTo("must not start or end with white space");
            }
        }
    }

    @Test
    void idsInAnyScriptWithSpacesInsideAreDecided() {
        for (String path : idPaths()) {
            for (String id : List.of("Jörg 7", "客户-42", "c-😀", "o'neil, \"the\" boss")) {
                assertThat(api.decided(with(without(designExampleRequest(), "requestId"), path, id)).path("outcome").asString())
                        .as("%s = %s", path, id).isNotBlank();
            }
        }
    }

    /** @return every id a client sends besides requestId (printable ASCII by its own pattern) */
    private static List<String> idPaths() {
        return List.of("customer.id", "customer.openTickets[0].id", "customer.recentReturns[0].productId",
                "proposedActions[0].id", "proposedActions[0].productId");
    }

    /** @return the message of the problem's error for {@code field} */
    private static String messageFor(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError(field + " is not named by " + problem);
    }

    @Test
    void repeatedProposedActionIdIsRejectedNamingTheRepetition() {
        ObjectNode request = withProposedActions(automatableChatRequest(), 3);
        request = with(with(request, "proposedActions[2].id", "offer-0"), "proposedActions[1].id", "offer-0");

        JsonNode problem = assertInvalid(request, "proposedActions[1].id");

        assertThat(errorFields(problem)).containsExactly("proposedActions[1].id", "proposedActions[2].id");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("proposedActions[0]");
    }

    // --- sizes

    @Test
    void tooManyProposedActionsAreRejectedNamingTheField() {
        assertThat(api.decided(withProposedActions(automatableChatRequest(), 20)).path("actions").size()).isEqualTo(20);

        assertInvalid(withProposedActions(automatableChatRequest(), 21), "proposedActions");
    }

    @Test
    void tooLongHistoryIsRejectedNamingTheField() {
        assertThat(api.decided(withHistory(automatableChatRequest(), 50)).path("outcome").asString()).isNotBlank();

        assertInvalid(withHistory(automatableChatRequest(), 51), "interaction.history");
    }

    @Test
    void tooLongMessageIsRejectedNamingTheField() {
        assertThat(api.decided(with(automatableChatRequest(), "interaction.message", "a".repeat(4000)))
                .path("outcome").asString()).isNotBlank();

        assertInvalid(with(automatableChatRequest(), "interaction.message", "a".repeat(4001)), "interaction.message");
    }

    @Test
    void textLimitsCountCharactersNotUtf16Units() {
        assertThat(api.decided(with(automatableChatRequest(), "interaction.message", emoji(4000)))
                .path("outcome").asString()).isNotBlank();
        assertThat(api.decided(with(automatableChatRequest(), "interaction.history", List.of(emoji(4000))))
                .path("outcome").asString()).isNotBlank();
        assertThat(api.decided(with(automatableChatRequest(), "customer.id", emoji(128)))
                .path("outcome").asString()).isNotBlank();

        JsonNode problem = assertInvalid(with(automatableChatRequest(), "interaction.message", emoji(4001)),
                "interaction.message");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("must be at most 4000 characters");
        assertInvalid(with(automatableChatRequest(), "interaction.history", List.of(emoji(4001))), "interaction.history[0]");
        assertInvalid(with(automatableChatRequest(), "customer.id", emoji(129)), "customer.id");
    }

    /** @return {@code count} characters outside the Basic Multilingual Plane: two UTF-16 units each */
    private static String emoji(int count) {
        return "\uD83D\uDE00".repeat(count);
    }

    @Test
    void textPlainIsRejectedAsUnsupportedMediaType() {
        String body = JSON.writeValueAsString(automatableChatRequest());

        assertRejected(() -> api.send(api.request(DECISIONS).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 415);
    }

    @Test
    void bodyOverTheLimitWithContentLengthIsRejectedAs413() {
        byte[] body = oversizedBody();

        HttpResponse<String> response = api.send(api.request(DECISIONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertRejected(() -> response, 413);
    }

    @Test
    void chunkedBodyOverTheLimitIsRejectedAs413() {
        byte[] body = oversizedBody();

        HttpResponse<String> response = api.send(api.request(DECISIONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertRejected(() -> response, 413);
    }

    /** A well-formed request that is only wrong in being larger than the limit. */
    private static byte[] oversizedBody() {
        ObjectNode request = automatableChatRequest();
        var history = JSON.createArrayNode();
        for (int i = 0; i < 20; i++) {
            history.add("x".repeat(3_999));
        }
        byte[] body = JSON.writeValueAsString(with(request, "interaction.history", history)).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(MAX_BODY_BYTES);
        return body;
    }

    /** @return {@code request} as JSON text with the value at {@code path} written as {@code rawJson} */
    private static String bodyWith(ObjectNode request, String path, String rawJson) {
        return JSON.writeValueAsString(with(request, path, "@@RAW@@")).replace("\"@@RAW@@\"", rawJson);
    }

    /** Posts {@code body}, expects a 400 naming {@code field}, and returns the problem. */
    private JsonNode assertInvalid(String body, String field) {
        JsonNode problem = assertRejected(() -> api.decide(body), 400);
        assertThat(errorFields(problem)).as("fields named by %s", problem).contains(field);
        return problem;
    }

    /** Posts {@code request}, expects a 400 naming {@code field}, and returns the problem. */
    private JsonNode assertInvalid(JsonNode request, String field) {
        JsonNode problem = assertRejected(() -> api.decide(request), 400);
        assertThat(errorFields(problem)).as("fields named by %s", problem).contains(field);
        assertThat(problem.path("errors")).allSatisfy(error -> assertThat(error.path("message").asString()).isNotBlank());
        return problem;
    }

    /** Sends, expects a problem of {@code status}, checks no decision was stored, and returns the problem. */
    private JsonNode assertRejected(Supplier<HttpResponse<String>> send, int status) {
        int before = storedDecisions();
        HttpResponse<String> response = send.get();
        JsonNode problem = assertProblem(response, status);
        assertThat(problem.has("decisionId")).isFalse();
        assertThat(storedDecisions()).as("a rejected request stores no trace").isEqualTo(before);
        return problem;
    }

    private int storedDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM decision_trace").query(Integer.class).single();
    }
}
