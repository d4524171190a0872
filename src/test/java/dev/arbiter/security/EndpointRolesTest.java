package dev.arbiter.security;

import static dev.arbiter.security.Role.ADMIN;
import static dev.arbiter.security.Role.COMPLIANCE_REVIEWER;
import static dev.arbiter.security.Role.DECISION_CLIENT;
import static dev.arbiter.security.Role.OPERATOR;
import static dev.arbiter.security.Role.POLICY_OWNER;
import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the API against every role and no key at all: no key ⇒ 401, a key without the role ⇒ 403 (both
 * problem+json), a key with the role ⇒ neither. The table is written out here, independently of the security
 * configuration, and a test checks that it lists every endpoint the service maps. Requests that an allowed role
 * makes are ones the service refuses for content (400/404) or that change nothing, so the table runs in any order.
 * Every endpoint also refuses a query parameter it does not take, naming it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointRolesTest extends HttpServiceTest {

    /** An endpoint, a request to it that is harmless, and the roles (besides ADMIN) that may call it. */
    record Endpoint(String method, String pattern, String path, String body, Set<Role> roles) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }

        /** @return the same request with {@code parameter} added to its query */
        Endpoint withQueryParameter(String parameter) {
            return new Endpoint(method, pattern, path + (path.contains("?") ? "&" : "?") + parameter, body, roles);
        }
    }

    private static final String UNKNOWN_DECISION = "0195e5a0-0000-7000-8000-00000000dead";

    private static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("POST", "/api/v1/decisions", "/api/v1/decisions", "{}", DECISION_CLIENT),
            endpoint("GET", "/api/v1/decisions/{}", "/api/v1/decisions/" + UNKNOWN_DECISION, null, DECISION_CLIENT, COMPLIANCE_REVIEWER),
            endpoint("GET", "/api/v1/decisions/{}/trace", "/api/v1/decisions/" + UNKNOWN_DECISION + "/trace", null, COMPLIANCE_REVIEWER),
            endpoint("POST", "/api/v1/decisions/{}/replay", "/api/v1/decisions/" + UNKNOWN_DECISION + "/replay", null, COMPLIANCE_REVIEWER),
            endpoint("GET", "/api/v1/decisions/{}/explanation", "/api/v1/decisions/" + UNKNOWN_DECISION + "/explanation", null, COMPLIANCE_REVIEWER),
            endpoint("GET", "/api/v1/traces", "/api/v1/traces?size=1", null, COMPLIANCE_REVIEWER),
            endpoint("GET", "/api/v1/traces/export", "/api/v1/traces/export?format=csv&limit=1", null, COMPLIANCE_REVIEWER),
            endpoint("GET", "/api/v1/traces/verify", "/api/v1/traces/verify", null, COMPLIANCE_REVIEWER),
            endpoint("POST", "/api/v1/traces/purge", "/api/v1/traces/purge?before=not-a-date", null),
            endpoint("GET", "/api/v1/audit", "/api/v1/audit?size=1", null, COMPLIANCE_REVIEWER),
            endpoint("GET", "/api/v1/automation", "/api/v1/automation", null, DECISION_CLIENT, POLICY_OWNER, COMPLIANCE_REVIEWER, OPERATOR),
            endpoint("PUT", "/api/v1/automation", "/api/v1/automation", "{}", OPERATOR),
            endpoint("GET", "/api/v1/policies/active", "/api/v1/policies/active", null, DECISION_CLIENT, POLICY_OWNER, COMPLIANCE_REVIEWER, OPERATOR),
            endpoint("GET", "/api/v1/policies/versions", "/api/v1/policies/versions?limit=1", null, POLICY_OWNER, COMPLIANCE_REVIEWER),
            endpoint("GET", "/api/v1/policies/versions/{}/diff/{}", "/api/v1/policies/versions/nope/diff/nada", null, POLICY_OWNER, COMPLIANCE_REVIEWER),
            endpoint("POST", "/api/v1/policies/validate", "/api/v1/policies/validate", "{\"files\": {\"rules/empty.drl\": \"package rules;\"}}", POLICY_OWNER),
            endpoint("POST", "/api/v1/policies/test", "/api/v1/policies/test", "{\"caseName\": \"no case has this name\"}", POLICY_OWNER),
            endpoint("POST", "/api/v1/policies/activate", "/api/v1/policies/activate", "{\"label\": 7}", POLICY_OWNER),
            endpoint("POST", "/api/v1/policies/rollback", "/api/v1/policies/rollback", "{}", POLICY_OWNER),
            endpoint("GET", "/api/v1/keys", "/api/v1/keys", null),
            endpoint("POST", "/api/v1/keys", "/api/v1/keys", "{}"),
            endpoint("DELETE", "/api/v1/keys/{}", "/api/v1/keys/000000000000", null));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, Api> clients = new EnumMap<>(Role.class);

    @BeforeAll
    void oneClientPerRole() {
        for (Role role : Role.values()) {
            clients.put(role, apiAs("roles-" + role.name().toLowerCase(), role));
        }
    }

    static Stream<Arguments> endpointsAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0} without a key")
    @MethodSource("endpoints")
    void withoutAKeyEveryEndpointAnswers401(Endpoint endpoint) {
        HttpResponse<String> response = send(anonymous(), endpoint);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("X-API-Key"));
    }

    @ParameterizedTest(name = "{0} with a wrong key")
    @MethodSource("endpoints")
    void aKeyThatIsNotIssuedAnswers401(Endpoint endpoint) {
        String forged = "ak_0123456789ab_" + "A".repeat(43);

        HttpResponse<String> response = send(anonymous().withKey(forged), endpoint);

        assertThat(assertProblem(response, 401).toString()).doesNotContain(forged);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void eachRoleReachesExactlyItsEndpoints(Endpoint endpoint, Role role) {
        HttpResponse<String> response = send(clients.get(role), endpoint);

        if (role == ADMIN || endpoint.roles().contains(role)) {
            assertThat(response.statusCode()).as("%s may call %s; body: %s", role, endpoint, response.body())
                    .isNotIn(401, 403).isLessThan(500);
        } else {
            assertProblem(response, 403);
        }
    }

    @ParameterizedTest(name = "{0} with ?x=1")
    @MethodSource("endpoints")
    void everyEndpointRefusesAQueryParameterItDoesNotTakeNamingIt(Endpoint endpoint) {
        JsonNode problem = assertProblem(send(api, endpoint.withQueryParameter("x=1")), 400);

        assertThat(errorFields(problem)).contains("x");
    }

    @Test
    void aKeyWithoutTheRoleIsRefusedBeforeTheQueryIsRead() {
        assertProblem(clients.get(DECISION_CLIENT).get("/api/v1/keys?x=1"), 403);
    }

    @Test
    void theTableListsEveryEndpointTheServiceMaps() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + pattern.replaceAll("\\{[^}]+}", "{}")))));
        Set<String> listed = new TreeSet<>(ENDPOINTS.stream().map(Endpoint::toString).toList());

        assertThat(listed).isEqualTo(mapped);
    }

    @Test
    void aDecisionClientReadsItsOwnDecisionsButNotAnotherClients() {
        Api mine = apiAs("shop-frontend", DECISION_CLIENT);
        Api theirs = apiAs("call-centre", DECISION_CLIENT);
        String decisionId = mine.decided(designExampleRequest()).path("decisionId").asString();

        assertThat(mine.get("/api/v1/decisions/" + decisionId).statusCode()).isEqualTo(200);
        assertProblem(theirs.get("/api/v1/decisions/" + decisionId), 404);
        assertThat(clients.get(COMPLIANCE_REVIEWER).get("/api/v1/decisions/" + decisionId).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT client_name FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(String.class).single()).isEqualTo("shop-frontend");
    }

    private static HttpResponse<String> send(Api client, Endpoint endpoint) {
        HttpRequest.BodyPublisher body = endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(endpoint.body());
        HttpRequest.Builder request = client.request(endpoint.path()).method(endpoint.method(), body);
        if (endpoint.body() != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request);
    }

    private static Endpoint endpoint(String method, String pattern, String path, String body, Role... roles) {
        Set<Role> allowed = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        return new Endpoint(method, pattern, path, body, allowed);
    }
}
