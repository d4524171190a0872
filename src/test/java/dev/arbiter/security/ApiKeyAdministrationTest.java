package dev.arbiter.security;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.arbiter.audit.ServiceActors;
import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/** An administrator issues, lists and revokes keys over the API; the service keeps hashes, never secrets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAdministrationTest extends HttpServiceTest {

    private static final String KEYS = "/api/v1/keys";

    @Test
    void anIssuedKeyAuthenticatesItsClientWithItsRoles() {
        JsonNode issued = issued("checkout-web", "DECISION_CLIENT");
        Api checkout = api.withKey(issued.path("key").asString());

        JsonNode decision = checkout.decided(designExampleRequest());

        assertThat(issued.path("clientName").asString()).isEqualTo("checkout-web");
        assertThat(storedClientOf(decision.path("decisionId").asString())).isEqualTo("checkout-web");
        assertProblem(checkout.get("/api/v1/traces"), 403);
    }

    @Test
    void aReviewerFindsEveryDecisionOfOneClient() {
        Api kiosk = api.withKey(issued("store-kiosk", "DECISION_CLIENT").path("key").asString());
        String first = kiosk.decided(withRequestId(designExampleRequest(), uniqueRequestId("kiosk"))).path("decisionId").asString();
        api.decided(designExampleRequest());
        String second = kiosk.decided(withRequestId(designExampleRequest(), uniqueRequestId("kiosk"))).path("decisionId").asString();

        JsonNode page = json(apiAs("kiosk-auditor", Role.COMPLIANCE_REVIEWER).get("/api/v1/traces?clientName=store-kiosk"));

        assertThat(page.path("items")).extracting(item -> item.path("decisionId").asString()).containsExactly(second, first);
        assertThat(page.path("items")).allSatisfy(item -> assertThat(item.path("clientName").asString()).isEqualTo("store-kiosk"));
    }

    @Test
    void requestIdsAreUniquePerClientSoTwoClientsNeverSeeEachOthersAnswers() {
        Api first = api.withKey(issued("app-one", "DECISION_CLIENT").path("key").asString());
        Api second = api.withKey(issued("app-two", "DECISION_CLIENT").path("key").asString());
        String requestId = uniqueRequestId("shared");

        String firstDecision = first.decided(withRequestId(designExampleRequest(), requestId)).path("decisionId").asString();
        String secondDecision = second.decided(withRequestId(designExampleRequest(), requestId)).path("decisionId").asString();

        assertThat(secondDecision).isNotEqualTo(firstDecision);
        assertThat(first.decided(withRequestId(designExampleRequest(), requestId)).path("decisionId").asString())
                .as("a repeat by the same client is its stored answer").isEqualTo(firstDecision);
    }

    @Test
    void theKeyIsShownOnceAndStoredOnlyAsAHash() {
        JsonNode issued = issued("billing-bot", "DECISION_CLIENT");
        String key = issued.path("key").asString();
        String keyId = issued.path("keyId").asString();

        JsonNode listed = listedKey(keyId);
        Map<String, Object> row = jdbc.sql("SELECT * FROM api_key WHERE key_id = ?").param(keyId).query().singleRow();

        assertThat(listed.has("key")).isFalse();
        assertThat(listed.toString()).doesNotContain(secretOf(key));
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(secretOf(key)));
        assertThat((String) row.get("SECRET_HASH")).isEqualTo(ApiKeySecrets.hash(secretOf(key)));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndStaysListedAsRevoked() {
        JsonNode issued = issued("old-ivr", "DECISION_CLIENT");
        Api oldIvr = api.withKey(issued.path("key").asString());
        oldIvr.decided(designExampleRequest());

        HttpResponse<String> revoked = client("sec-admin").send(
                client("sec-admin").request(KEYS + "/" + issued.path("keyId").asString()).DELETE());

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).path("revokedBy").asString()).isEqualTo("sec-admin");
        assertProblem(oldIvr.decide(designExampleRequest()), 401);
        assertThat(listedKey(issued.path("keyId").asString()).path("active").asBoolean()).isFalse();
    }

    @Test
    void theKeyIdWrittenWithItsAkPrefixRevokesThatKey() {
        JsonNode issued = issued("prefixed-ivr", "DECISION_CLIENT");
        String keyId = issued.path("keyId").asString();

        HttpResponse<String> revoked = api.send(api.request(KEYS + "/ak_" + keyId).DELETE());

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked).path("keyId").asString()).isEqualTo(keyId);
        assertThat(listedKey(keyId).path("active").asBoolean()).isFalse();
        assertProblem(api.withKey(issued.path("key").asString()).decide(designExampleRequest()), 401);
    }

    @Test
    void issuingAndRevokingAreInTheAuditLogUnderTheAdministratorsName() {
        JsonNode issued = json(client("key-admin").post(KEYS, Map.of("clientName", "audited-client", "roles", List.of("OPERATOR"))));
        String keyId = issued.path("keyId").asString();
        client("key-admin").send(client("key-admin").request(KEYS + "/" + keyId).DELETE());

        List<Map<String, Object>> entries = jdbc.sql("SELECT actor, action FROM admin_audit WHERE target = ? ORDER BY id")
                .param(keyId).query().listOfRows();

        assertThat(entries).extracting(entry -> entry.get("ACTOR") + " " + entry.get("ACTION"))
                .containsExactly("key-admin API_KEY_CREATE", "key-admin API_KEY_REVOKE");
    }

    @Test
    void aKeyRequestWithoutRolesOrWithABadNameNamesTheField() {
        assertThat(errorFields(assertProblem(api.post(KEYS, Map.of("clientName", "x", "roles", List.of())), 400)))
                .containsExactly("roles");
        assertThat(errorFields(assertProblem(api.post(KEYS, Map.of("clientName", "bad\nname", "roles", List.of("OPERATOR"))), 400)))
                .containsExactly("clientName");
        assertProblem(api.post(KEYS, Map.of("clientName", "x", "roles", List.of("SUPERUSER"))), 400);
    }

    @Test
    void noKeyIsIssuedUnderANameTheServiceRecordsItsOwnActionsUnder() {
        long keysBefore = issuedKeys();
        long auditBefore = auditEntries();

        for (String reserved : reservedNamesInAnyCase()) {
            JsonNode problem = assertProblem(api.post(KEYS, Map.of("clientName", reserved, "roles", List.of("ADMIN"))), 400);

            assertThat(errorFields(problem)).as(reserved).containsExactly("clientName");
            assertThat(problem.path("errors").get(0).path("message").asString()).as(reserved)
                    .startsWith("is reserved").contains("retention-schedule", "first-start", "cli");
        }
        assertThat(issuedKeys()).isEqualTo(keysBefore);
        assertThat(auditEntries()).isEqualTo(auditBefore);
    }

    @Test
    void aNameThatOnlyContainsAReservedOneIsIssued() {
        assertThat(issued("cli-tools", "OPERATOR").path("clientName").asString()).isEqualTo("cli-tools");
        assertThat(issued("retention-schedule-2", "OPERATOR").path("clientName").asString()).isEqualTo("retention-schedule-2");
    }

    @Test
    void aClientNameOver100CharactersIsToldTheLimitInCharacters() {
        JsonNode problem = assertProblem(api.post(KEYS, Map.of("clientName", "a".repeat(101), "roles", List.of("OPERATOR"))), 400);

        assertThat(problem.path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asString()).isEqualTo("clientName");
            assertThat(error.path("message").asString()).isEqualTo("must be at most 100 characters");
        });
    }

    @Test
    void revokingAnUnknownKeyIs404() {
        assertProblem(api.send(api.request(KEYS + "/ffffffffffff").DELETE()), 404);
    }

    @Test
    void aWholeKeyPastedIntoTheRevokePathIsA400ThatNamesTheMistakeWithoutTheSecret(CapturedOutput output) {
        String key = issued("pasted-key", "DECISION_CLIENT").path("key").asString();

        HttpResponse<String> response = api.send(api.request(KEYS + "/" + key).DELETE());

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asString()).endsWith("/invalid-request");
        assertThat(errorFields(problem)).containsExactly("keyId");
        assertThat(problem.path("errors").get(0).path("message").asString())
                .contains("whole API key").contains("key id alone");
        assertThat(response.body()).doesNotContain(secretOf(key));
        assertThat(output.getAll()).doesNotContain(secretOf(key));
        assertThat(auditMentioning(secretOf(key))).isZero();
        api.withKey(key).decided(designExampleRequest());
    }

    @Test
    void callersWhoMayNotRevokeAreNotShownASecretPastedIntoThePathEither() {
        String key = issued("pasted-elsewhere", "DECISION_CLIENT").path("key").asString();
        Api reviewer = apiAs("curious-reviewer", Role.COMPLIANCE_REVIEWER);

        HttpResponse<String> forbidden = reviewer.send(reviewer.request(KEYS + "/" + key).DELETE());
        HttpResponse<String> unauthenticated = anonymous().send(anonymous().request(KEYS + "/" + key).DELETE());

        assertThat(assertProblem(forbidden, 403).path("detail").asString()).contains(KEYS + "/ak_");
        assertProblem(unauthenticated, 401);
        assertThat(forbidden.body()).doesNotContain(secretOf(key));
        assertThat(unauthenticated.body()).doesNotContain(secretOf(key));
    }

    @Test
    void aRevokePathThatIsNoKeyIdIsA400ThatDoesNotRepeatIt() {
        String notAnId = "Xy9-secret-looking_text";

        HttpResponse<String> response = api.send(api.request(KEYS + "/" + notAnId).DELETE());

        assertThat(errorFields(assertProblem(response, 400))).containsExactly("keyId");
        assertThat(response.body()).doesNotContain(notAnId);
    }

    @Test
    void keysNeverReachTheLog(CapturedOutput output) {
        String key = issued("quiet-client", "DECISION_CLIENT").path("key").asString();
        api.withKey(key).decided(designExampleRequest());
        api.withKey(key + "x").decide(designExampleRequest());

        assertThat(output.getAll()).doesNotContain(secretOf(key));
    }

    private JsonNode issued(String clientName, String role) {
        HttpResponse<String> response = api.post(KEYS, Map.of("clientName", clientName, "roles", List.of(role)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** @return every name the service acts under, as written and in upper case */
    private static List<String> reservedNamesInAnyCase() {
        List<String> names = new ArrayList<>(ServiceActors.ALL);
        ServiceActors.ALL.forEach(name -> names.add(name.toUpperCase(Locale.ROOT)));
        return names;
    }

    private long issuedKeys() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
    }

    private long auditEntries() {
        return jdbc.sql("SELECT COUNT(*) FROM admin_audit").query(Long.class).single();
    }

    private JsonNode listedKey(String keyId) {
        for (JsonNode key : json(api.get(KEYS))) {
            if (key.path("keyId").asString().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("key " + keyId + " is not listed");
    }

    private long auditMentioning(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE target LIKE ? OR CAST(details AS VARCHAR) LIKE ?")
                .params("%" + text + "%", "%" + text + "%").query(Long.class).single();
    }

    private String storedClientOf(String decisionId) {
        return jdbc.sql("SELECT client_name FROM decision_trace WHERE decision_id = ?").param(decisionId).query(String.class).single();
    }

    private static String secretOf(String key) {
        return key.substring("ak_".length() + 12 + "_".length());
    }
}
