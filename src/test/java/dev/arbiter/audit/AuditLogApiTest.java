package dev.arbiter.audit;

import static dev.arbiter.support.Api.AUTOMATION;
import static dev.arbiter.support.Api.JSON;
import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableChatRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.security.Role;
import dev.arbiter.support.HttpServiceTest;

/**
 * Administrative actions (kill switch, activation, rollback, rejected attempts) land in the audit log with who,
 * when, what and from where, in the transaction of the action; the log is searchable and paged newest first, and
 * nothing changes it. Activates versions and pauses automation, so it runs in a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.test.context=audit")
@DirtiesContext
class AuditLogApiTest extends HttpServiceTest {

    private static final String AUDIT = "/api/v1/audit";
    private static final String POLICIES = "/api/v1/policies";
    private static final String CATALOG = "rules/reason-codes.yaml";
    private static final String THRESHOLDS = "dmn-models/confidence-thresholds.dmn";
    private static final String KILL_SWITCH = "rules/kill-switch.drl";

    /** The real audit log, made to fail on demand to show that an action and its entry commit together. */
    @MockitoSpyBean
    AuditLog audit;

    /** Leave automation running for the next test. */
    @AfterEach
    void resumeEverywhere() {
        json(api.get(AUTOMATION)).path("channels").propertyNames()
                .forEach(channel -> client("cleanup").automation("{\"paused\": false, \"channel\": \"" + channel + "\"}"));
        client("cleanup").automation("{\"paused\": false}");
    }

    @Test
    void pausingAndResumingAreAuditedWithWhoWhatWhenAndWhere() {
        Instant started = Instant.now();

        client("ops-carol").automation("{\"paused\": true, \"channel\": \"CHAT\", \"reason\": \"incident 7\"}");
        client("ops-carol").automation("{\"paused\": false, \"channel\": \"CHAT\", \"reason\": \"fixed\"}");

        Instant finished = Instant.now();
        JsonNode items = search("actor=ops-carol").path("items");
        assertThat(items).hasSize(2);
        JsonNode resume = items.get(0);
        JsonNode pause = items.get(1);
        assertThat(resume.path("action").asString()).isEqualTo("AUTOMATION_RESUME");
        assertThat(pause.path("action").asString()).isEqualTo("AUTOMATION_PAUSE");
        for (JsonNode entry : items) {
            assertThat(entry.path("actor").asString()).isEqualTo("ops-carol");
            assertThat(entry.path("target").asString()).isEqualTo("CHAT");
            assertThat(entry.path("remoteAddress").asString()).isEqualTo("127.0.0.1");
            assertThat(Instant.parse(entry.path("at").asString())).isBetween(started, finished);
        }
        assertThat(pause.path("details").path("reason").asString()).as("details are JSON, not a string").isEqualTo("incident 7");
        assertThat(resume.path("details").path("reason").asString()).isEqualTo("fixed");
        assertThat(resume.path("id").asLong()).isGreaterThan(pause.path("id").asLong());
    }

    @Test
    void aPauseIsAuditedAsTheClientWhoseKeyAskedForIt() {
        long before = newestId();

        apiAs("ops-frank", Role.OPERATOR).automation("{\"paused\": true}");

        JsonNode entry = search("action=AUTOMATION_PAUSE&size=1").path("items").get(0);
        assertThat(entry.path("id").asLong()).isGreaterThan(before);
        assertThat(entry.path("actor").asString()).isEqualTo("ops-frank");
        assertThat(entry.path("target").asString()).isEqualTo("GLOBAL");
        assertThat(entry.path("details").path("reason").isNull()).isTrue();
    }

    @Test
    void resumingAChannelThatIsNotPausedAnswersTheStateAndIsNotAudited() {
        client("ops-grace").automation("{\"paused\": true, \"channel\": \"CHAT\"}");
        long before = newestId();

        JsonNode state = client("ops-grace").automation("{\"paused\": false, \"channel\": \"SMS\"}");
        client("ops-grace").automation("{\"paused\": false, \"channel\": \"SMS\"}");
        client("ops-grace").automation("{\"paused\": false}");

        assertThat(state.path("channels").propertyNames()).containsExactly("CHAT");
        assertThat(state.path("global").isNull()).isTrue();
        assertThat(newestId()).as("nothing changed, nothing recorded").isEqualTo(before);
        assertThat(list(search("actor=ops-grace"))).extracting(entry -> entry.path("action").asString())
                .containsExactly("AUTOMATION_PAUSE");
    }

    @Test
    void anActivationAndARollbackAreAuditedWithLabelCommentPreviousVersionAndScenarios() {
        String before = activeVersion();
        Map<String, String> files = edited(CATALOG, "owner: Legal", "owner: Legal department");

        HttpResponse<String> activated = client("alice").post(POLICIES + "/activate",
                Map.of("files", files, "label", "legal owner renamed", "comment", "ticket POL-8"));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        String after = json(activated).path("version").asString();

        JsonNode activation = single(search("actor=alice&action=POLICY_ACTIVATE"));
        assertThat(activation.path("target").asString()).isEqualTo(after);
        assertThat(activation.path("remoteAddress").asString()).isEqualTo("127.0.0.1");
        JsonNode details = activation.path("details");
        assertThat(details.path("label").asString()).isEqualTo("legal owner renamed");
        assertThat(details.path("comment").asString()).isEqualTo("ticket POL-8");
        assertThat(details.path("previousVersion").asString()).isEqualTo(before);
        assertThat(details.path("errors").asInt()).isZero();
        assertThat(details.path("scenarios").path("failed").asInt()).isZero();
        assertThat(details.path("scenarios").path("passed").asInt())
                .isEqualTo(details.path("scenarios").path("total").asInt()).isPositive();

        HttpResponse<String> rolledBack = client("bob").post(POLICIES + "/rollback",
                Map.of("version", before, "comment", "back to the shipped policy"));
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);

        JsonNode rollback = single(search("actor=bob&action=POLICY_ROLLBACK"));
        assertThat(rollback.path("target").asString()).isEqualTo(before);
        assertThat(rollback.path("details").path("previousVersion").asString()).isEqualTo(after);
        assertThat(rollback.path("details").path("comment").asString()).isEqualTo("back to the shipped policy");
        assertThat(rollback.path("details").path("scenarios").path("failed").asInt()).isZero();
        assertThat(rollback.path("id").asLong()).isGreaterThan(activation.path("id").asLong());
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void rejectedActivationsAreAuditedAsRejectedWithTheirCounts() {
        String before = activeVersion();
        Map<String, String> lowered = edited(THRESHOLDS, "<text>0.85</text>", "<text>0.80</text>");
        Map<String, String> broken = edited(KILL_SWITCH, "then", "then then");

        assertProblem(client("mallory").post(POLICIES + "/activate", Map.of("files", lowered)), 422);
        assertProblem(client("mallory").post(POLICIES + "/activate", Map.of("files", broken)), 422);

        JsonNode items = search("actor=mallory").path("items");
        assertThat(items).hasSize(2);
        assertThat(items).allSatisfy(entry ->
                assertThat(entry.path("action").asString()).isEqualTo("POLICY_ACTIVATE_REJECTED"));
        JsonNode failing = items.get(1);
        assertThat(failing.path("target").asString()).isEqualTo(new PolicyFiles(lowered).version());
        assertThat(failing.path("details").path("previousVersion").asString()).isEqualTo(before);
        assertThat(failing.path("details").path("scenarios").path("failed").asInt()).isPositive();
        JsonNode invalid = items.get(0);
        assertThat(invalid.path("target").asString()).isEqualTo(new PolicyFiles(broken).version());
        assertThat(invalid.path("details").path("errors").asInt()).isPositive();
        assertThat(invalid.path("details").has("scenarios")).isFalse();
        assertThat(search("actor=mallory&action=POLICY_ACTIVATE").path("items")).as("not audited as an activation").isEmpty();
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void searchFiltersByActorActionAndTime() {
        client("ops-dave").automation("{\"paused\": true}");
        client("ops-dave").automation("{\"paused\": true, \"channel\": \"EMAIL\"}");
        client("ops-dave").automation("{\"paused\": false}");
        client("ops-erin").automation("{\"paused\": true, \"channel\": \"VOICE\"}");

        List<JsonNode> dave = list(search("actor=ops-dave"));
        assertThat(dave).extracting(entry -> entry.path("action").asString())
                .containsExactly("AUTOMATION_RESUME", "AUTOMATION_PAUSE", "AUTOMATION_PAUSE");
        assertThat(list(search("actor=ops-dave&action=automation_pause")))
                .extracting(entry -> entry.path("target").asString()).containsExactly("EMAIL", "GLOBAL");
        assertThat(list(search("actor=ops-erin"))).singleElement()
                .satisfies(entry -> assertThat(entry.path("target").asString()).isEqualTo("VOICE"));

        // from is inclusive, to exclusive: the middle entry's instant splits the three without overlap.
        Instant middle = Instant.parse(dave.get(1).path("at").asString());
        String asOffset = middle.atOffset(ZoneOffset.ofHours(2)).toString();
        List<JsonNode> fromMiddle = list(search("actor=ops-dave&from=" + encode(asOffset)));
        List<JsonNode> toMiddle = list(search("actor=ops-dave&to=" + encode(asOffset)));
        assertThat(fromMiddle).extracting(entry -> entry.path("id").asLong()).contains(dave.get(1).path("id").asLong());
        assertThat(fromMiddle).allSatisfy(entry -> assertThat(Instant.parse(entry.path("at").asString())).isAfterOrEqualTo(middle));
        assertThat(toMiddle).allSatisfy(entry -> assertThat(Instant.parse(entry.path("at").asString())).isBefore(middle));
        Set<Long> split = new HashSet<>();
        fromMiddle.forEach(entry -> split.add(entry.path("id").asLong()));
        toMiddle.forEach(entry -> split.add(entry.path("id").asLong()));
        assertThat(split).hasSize(3).hasSize(fromMiddle.size() + toMiddle.size());
        // An offset's '+' sent unencoded arrives as a space and is still understood.
        assertThat(list(search("actor=ops-dave&from=" + asOffset))).hasSameSizeAs(fromMiddle);
        assertThat(list(search("actor=ops-dave&from=" + encode(Instant.now().plusSeconds(3600).toString())))).isEmpty();
    }

    @Test
    void pagesGoNewestFirstWithAKeysetCursor() {
        for (String channel : new String[] {"CHAT", "EMAIL", "VOICE", "CHAT", "EMAIL"}) {
            client("ops-pager").automation("{\"paused\": true, \"channel\": \"" + channel + "\"}");
        }

        JsonNode first = search("actor=ops-pager&size=2");
        JsonNode second = search("actor=ops-pager&size=2&before=" + first.path("next").asLong());
        JsonNode third = search("actor=ops-pager&size=2&before=" + second.path("next").asLong());

        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("items")).hasSize(2);
        assertThat(third.path("items")).hasSize(1);
        assertThat(third.path("next").isNull()).isTrue();
        List<Long> ids = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.path("items").forEach(entry -> ids.add(entry.path("id").asLong()));
        }
        assertThat(ids).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(list(third).get(0).path("target").asString()).as("the oldest comes last").isEqualTo("CHAT");
        assertThat(list(search("actor=ops-pager"))).as("default size holds them all").hasSize(5);
    }

    @Test
    void aBadFromIsA400NamingIt() {
        JsonNode problem = assertProblem(api.get(AUDIT + "?from=yesterday"), 400);

        assertThat(errorFields(problem)).containsExactly("from");
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?from=2026-11-21T10:00:00"), 400)))
                .as("an instant without offset is ambiguous").containsExactly("from");
    }

    @Test
    void otherBadParametersAre400sNamingThem() {
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?size=0"), 400))).containsExactly("size");
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?size=501"), 400))).containsExactly("size");
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?size=ten"), 400))).containsExactly("size");
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?before=-3"), 400))).containsExactly("before");
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?to=soon"), 400))).containsExactly("to");
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?actor=" + "a".repeat(129)), 400))).containsExactly("actor");
        assertThat(errorFields(assertProblem(
                api.get(AUDIT + "?from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z"), 400))).containsExactly("to");
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?from=x&size=0"), 400))).containsExactly("from", "size");
        assertThat(api.get(AUDIT + "?size=500").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRepeatedEmptyAndBlankParametersAre400sNamingThem() {
        for (String[] bad : new String[][] {{"bogus=1", "bogus"}, {"actor=", "actor"}, {"action=", "action"},
                {"actor=%20", "actor"}, {"size=", "size"}, {"size=1&size=2", "size"}, {"from=%20", "from"}}) {
            JsonNode problem = assertProblem(api.get(AUDIT + "?" + bad[0]), 400);
            assertThat(problem.path("type").asString()).as(bad[0]).endsWith("/invalid-request");
            assertThat(errorFields(problem)).as(bad[0]).containsExactly(bad[1]);
        }
        assertThat(errorFields(assertProblem(api.get(AUDIT + "?bogus=1&actor=&size=0"), 400)))
                .as("every one at once").containsExactly("actor", "bogus", "size");
        assertThat(assertProblem(api.get(AUDIT + "?size=1&size=2"), 400).path("errors").get(0).path("message").asString())
                .isEqualTo("must be given once");
    }

    @Test
    void theLogCannotBeChangedOverHttp() {
        long newest = newestId();

        assertThat(api.send(api.request(AUDIT).DELETE()).statusCode()).isEqualTo(405);
        assertThat(api.send(api.request(AUDIT + "/" + newest).DELETE()).statusCode()).isIn(404, 405);
        assertThat(api.post(AUDIT, Map.of("actor", "eve", "action", "POLICY_ACTIVATE")).statusCode()).isEqualTo(405);
        assertThat(api.put(AUDIT, JSON.readTree("{\"actor\": \"eve\"}")).statusCode()).isEqualTo(405);
        assertThat(newestId()).isEqualTo(newest);
    }

    @Test
    void whenTheAuditEntryCannotBeWrittenTheActivationDoesNotHappen() {
        String before = activeVersion();
        Map<String, String> files = edited(CATALOG, "owner: Legal", "owner: Legal team");
        String candidate = new PolicyFiles(files).version();
        doThrow(new IllegalStateException("audit storage down"))
                .when(audit).record(anyString(), eq("POLICY_ACTIVATE"), anyString(), anyMap());

        assertProblem(client("trent").post(POLICIES + "/activate", Map.of("files", files)), 500);

        assertThat(activeVersion()).isEqualTo(before);
        assertThat(api.decided(automatableChatRequest()).path("policyVersion").asString()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM policy_version WHERE version = ?", candidate)).as("history rolled back").isZero();
        assertThat(count("SELECT COUNT(*) FROM policy_activation WHERE version = ?", candidate)).isZero();
        assertThat(search("actor=trent").path("items")).isEmpty();
    }

    @Test
    void whenTheAuditEntryCannotBeWrittenThePauseDoesNotHappen() {
        doThrow(new IllegalStateException("audit storage down"))
                .when(audit).record(anyString(), eq("AUTOMATION_PAUSE"), anyString(), anyMap());

        assertProblem(client("ops-trent").put(AUTOMATION, JSON.readTree("{\"paused\": true}")), 500);

        assertThat(json(api.get(AUTOMATION)).path("global").isNull()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM automation_pause", null)).as("pause rolled back").isZero();
        assertThat(api.decided(automatableChatRequest()).path("outcome").asString()).isEqualTo("AUTOMATE");
        assertThat(search("actor=ops-trent").path("items")).isEmpty();
    }

    private JsonNode search(String query) {
        HttpResponse<String> response = api.get(AUDIT + "?" + query);
        assertThat(response.statusCode()).as("audit search; body: %s", response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonNode> list(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    private static JsonNode single(JsonNode page) {
        assertThat(page.path("items")).hasSize(1);
        return page.path("items").get(0);
    }

    private long newestId() {
        JsonNode items = search("size=1").path("items");
        return items.isEmpty() ? 0 : items.get(0).path("id").asLong();
    }

    private long count(String sql, String param) {
        var statement = jdbc.sql(sql);
        return (param == null ? statement : statement.param(param)).query(Long.class).single();
    }

    private String activeVersion() {
        return json(api.get(POLICIES + "/active")).path("version").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** @return the shipped policy files with the first {@code text} in {@code path} replaced */
    private static Map<String, String> edited(String path, String text, String replacement) {
        Map<String, String> files = new TreeMap<>(PolicyFiles.read(Path.of("rules"), Path.of("dmn-models")).contents());
        assertThat(files.get(path)).as("fixture expects %s in %s", text, path).contains(text);
        files.put(path, files.get(path).replaceFirst(Pattern.quote(text), Matcher.quoteReplacement(replacement)));
        return files;
    }
}
