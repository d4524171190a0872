package dev.arbiter.trace;

import static dev.arbiter.support.Api.assertProblem;
import static dev.arbiter.support.Api.contentType;
import static dev.arbiter.support.Api.errorFields;
import static dev.arbiter.support.Api.json;
import static dev.arbiter.support.DecisionRequests.automatableRequestOn;
import static dev.arbiter.support.DecisionRequests.designExampleRequest;
import static dev.arbiter.support.DecisionRequests.uniqueRequestId;
import static dev.arbiter.support.DecisionRequests.with;
import static dev.arbiter.support.DecisionRequests.withIntentConfidence;
import static dev.arbiter.support.DecisionRequests.withRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.security.Role;
import dev.arbiter.support.Api;
import dev.arbiter.support.HttpServiceTest;

/**
 * Compliance search over real HTTP: every filter alone and combined finds exactly the decisions it should, newest
 * first; paging by cursor is complete and stable while decisions keep arriving; CSV holds what JSON holds; the
 * export streams every match or refuses before sending; bad parameters are 400 problems naming the parameter.
 * Stores decisions and activates a second policy version, so it runs in a context (and database) of its own,
 * with a small export limit and batch size to exercise them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arbiter.test.context=search", "arbiter.search.export-max-rows=10", "arbiter.search.export-batch-size=4"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceSearchApiTest extends HttpServiceTest {

    private static final String TRACES = "/api/v1/traces";
    private static final String EXPORT = "/api/v1/traces/export";
    private static final int EXPORT_LIMIT = 10;
    private static final String ANN = "search-ann";
    private static final String BOB = "search-bob";
    /**
     * Needs quoting in CSV: a comma, quotes, a semicolon. (Ids with line breaks are refused when a decision is asked
     * for; TraceCsvTest shows that the CSV quotes them in rows stored before.)
     */
    private static final String AWKWARD = "o'neil, \"the\" boss; second part";
    /** A spreadsheet would run it as a formula if the CSV wrote it as it is. */
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private static final String CATALOG = "rules/reason-codes.yaml";

    /** A decision this test stored, as the search must show it. */
    private record Fixture(String decisionId, String requestId, String customerId, String channel, String outcome,
                           List<String> reasonCodes, String policyVersion) {
    }

    /** Every decision stored in this context's database, oldest first (tests append what they store). */
    private final List<Fixture> stored = new ArrayList<>();
    private String firstVersion;
    private String secondVersion;

    @BeforeAll
    void storeDecisions() {
        api = apiAs("test-client", Role.ADMIN);
        decide(automatable(ANN, "CHAT"));
        decide(withRequestId(lowConfidence(ANN, "EMAIL"), uniqueRequestId("search")));
        decide(legalThreat(BOB, "VOICE"));
        decide(humanRequested(ANN, "SMS"));
        decide(automatable(BOB, "WEB"));
        decide(with(designExampleRequest(), "requestId", uniqueRequestId("search-design")));
        decide(automatable(AWKWARD, "SOCIAL"));
        decide(withRequestId(automatable(FORMULA, "WEB"), "@SUM(A1)-" + uniqueRequestId("search")));
        decide(legalThreat(ANN, "CHAT"));
        decide(withRequestId(automatable(BOB, "CHAT"), uniqueRequestId("search")));
        firstVersion = stored.get(0).policyVersion();

        activateAnotherPolicyVersion();
        decide(automatable(ANN, "EMAIL"));
        decide(lowConfidence(BOB, "CHAT"));
        decide(humanRequested(AWKWARD, "VOICE"));
        decide(legalThreat(BOB, "SOCIAL"));
        decide(automatable(ANN, "CHAT"));
        secondVersion = stored.get(stored.size() - 1).policyVersion();

        assertThat(secondVersion).isNotEqualTo(firstVersion);
        assertThat(stored).extracting(Fixture::outcome)
                .contains("AUTOMATE", "HUMAN_REVIEW", "ROUTE_TO_AGENT", "ESCALATE");
    }

    // ------------------------------------------------------------------------------------------------ filters

    Stream<Arguments> singleFilters() {
        return Stream.of(
                Arguments.of(Map.of("customerId", ANN), matching(f -> f.customerId().equals(ANN))),
                Arguments.of(Map.of("customerId", AWKWARD), matching(f -> f.customerId().equals(AWKWARD))),
                Arguments.of(Map.of("reasonCode", "LEGAL_THREAT"), matching(f -> f.reasonCodes().contains("LEGAL_THREAT"))),
                Arguments.of(Map.of("reasonCode", "AUTOMATION_APPROVED"), matching(f -> f.reasonCodes().contains("AUTOMATION_APPROVED"))),
                Arguments.of(Map.of("outcome", "ESCALATE"), matching(f -> f.outcome().equals("ESCALATE"))),
                Arguments.of(Map.of("outcome", "ROUTE_TO_AGENT"), matching(f -> f.outcome().equals("ROUTE_TO_AGENT"))),
                Arguments.of(Map.of("channel", "CHAT"), matching(f -> f.channel().equals("CHAT"))),
                Arguments.of(Map.of("channel", "SOCIAL"), matching(f -> f.channel().equals("SOCIAL"))),
                Arguments.of(Map.of("policyVersion", "first"), matching(f -> f.policyVersion().equals(firstVersion))),
                Arguments.of(Map.of("policyVersion", "second"), matching(f -> f.policyVersion().equals(secondVersion))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFilters")
    void eachFilterAloneFindsExactlyItsDecisionsNewestFirst(Map<String, String> parameters, Predicate<Fixture> matches) {
        Map<String, String> query = withVersions(parameters);

        List<String> found = walk(query, 50);

        assertThat(found).isNotEmpty().containsExactlyElementsOf(expected(matches));
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        Instant from = decidedAt(stored.get(3).decisionId());
        Instant to = decidedAt(stored.get(8).decisionId());
        List<String> between = expected(f -> stored.indexOf(f) >= 3 && stored.indexOf(f) < 8);

        assertThat(walk(Map.of("from", from.toString(), "to", to.toString()), 50)).containsExactlyElementsOf(between);
        assertThat(walk(Map.of("from", from.toString()), 50))
                .containsExactlyElementsOf(expected(f -> stored.indexOf(f) >= 3));
        assertThat(walk(Map.of("to", to.toString()), 50))
                .containsExactlyElementsOf(expected(f -> stored.indexOf(f) < 8));
        OffsetDateTime inBerlin = from.atOffset(java.time.ZoneOffset.ofHours(1));
        assertThat(walk(Map.of("from", inBerlin.toString(), "to", to.toString()), 50))
                .as("an offset other than Z means the same instant").containsExactlyElementsOf(between);
    }

    @Test
    void filtersCombine() {
        assertThat(walk(Map.of("customerId", ANN, "outcome", "AUTOMATE", "channel", "CHAT"), 50))
                .containsExactlyElementsOf(expected(f -> f.customerId().equals(ANN) && f.outcome().equals("AUTOMATE")
                        && f.channel().equals("CHAT")));
        assertThat(walk(Map.of("reasonCode", "LEGAL_THREAT", "policyVersion", secondVersion), 50))
                .containsExactlyElementsOf(expected(f -> f.reasonCodes().contains("LEGAL_THREAT")
                        && f.policyVersion().equals(secondVersion)))
                .hasSize(1);
        Instant from = decidedAt(stored.get(2).decisionId());
        assertThat(walk(Map.of("from", from.toString(), "outcome", "ESCALATE", "channel", "CHAT", "reasonCode", "LEGAL_THREAT",
                "customerId", ANN, "policyVersion", firstVersion), 50))
                .containsExactlyElementsOf(expected(f -> stored.indexOf(f) >= 2 && f.outcome().equals("ESCALATE")
                        && f.channel().equals("CHAT") && f.customerId().equals(ANN) && f.policyVersion().equals(firstVersion)))
                .hasSize(1);
        JsonNode none = json(api.get(TRACES + query(Map.of("customerId", BOB, "reasonCode", "AUTOMATION_APPROVED",
                "outcome", "ESCALATE"))));
        assertThat(none.path("items").size()).isZero();
        assertThat(none.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void everyItemCarriesTheStoredDecisionsColumns() {
        JsonNode items = json(api.get(TRACES + "?size=500")).path("items");

        assertThat(items.size()).isEqualTo(stored.size());
        for (JsonNode item : items) {
            Fixture fixture = fixture(item.path("decisionId").asString());
            assertThat(item.path("requestId").isNull() ? null : item.path("requestId").asString()).isEqualTo(fixture.requestId());
            assertThat(item.path("customerId").asString()).isEqualTo(fixture.customerId());
            assertThat(item.path("channel").asString()).isEqualTo(fixture.channel());
            assertThat(item.path("lineOfBusiness").asString()).isEqualTo("RETAIL");
            assertThat(item.path("outcome").asString()).isEqualTo(fixture.outcome());
            assertThat(strings(item.path("reasonCodes"))).isEqualTo(fixture.reasonCodes());
            assertThat(item.path("policyVersion").asString()).isEqualTo(fixture.policyVersion());
            assertThat(Instant.parse(item.path("decidedAt").asString())).isEqualTo(decidedAt(fixture.decisionId()));
        }
    }

    @Test
    void bothWaysOfSearchingByReasonCodeFindTheSame() {
        TraceSearch walkingDecisions = new TraceSearch(jdbc, new SearchLimits(null, null, 0));
        TraceSearch fromTheCode = new TraceSearch(jdbc, new SearchLimits(null, null, 1_000_000));
        List<String> codes = stored.stream().flatMap(f -> f.reasonCodes().stream()).distinct().toList();
        assertThat(codes).hasSizeGreaterThan(4);
        for (String code : codes) {
            for (TraceFilter filter : List.of(
                    new TraceFilter(null, code, null, null, null, null, null),
                    new TraceFilter(ANN, code, null, null, null, null, null),
                    new TraceFilter(null, code, "AUTOMATE", null, null, null, null),
                    new TraceFilter(null, code, null, "CHAT", null, null, secondVersion))) {
                assertThat(walkingDecisions.plan(filter).fromReasonCode()).isFalse();
                assertThat(fromTheCode.plan(filter).fromReasonCode()).isTrue();
                List<String> expected = expected(f -> matches(filter, f));
                assertThat(walkAll(walkingDecisions, filter)).as("EXISTS, %s", filter).containsExactlyElementsOf(expected);
                assertThat(walkAll(fromTheCode, filter)).as("IN, %s", filter).containsExactlyElementsOf(expected);
            }
        }
    }

    private static boolean matches(TraceFilter filter, Fixture fixture) {
        return (filter.customerId() == null || filter.customerId().equals(fixture.customerId()))
                && (filter.reasonCode() == null || fixture.reasonCodes().contains(filter.reasonCode()))
                && (filter.outcome() == null || filter.outcome().equals(fixture.outcome()))
                && (filter.channel() == null || filter.channel().equals(fixture.channel()))
                && (filter.policyVersion() == null || filter.policyVersion().equals(fixture.policyVersion()));
    }

    /** Walks a search in pages of two, through the Java API. */
    private static List<String> walkAll(TraceSearch search, TraceFilter filter) {
        List<String> ids = new ArrayList<>();
        TraceCursor after = null;
        do {
            TraceSearch.Page page = search.page(filter, after, 2);
            page.items().forEach(item -> ids.add(item.decisionId()));
            after = page.next();
        } while (after != null);
        return ids;
    }

    // ------------------------------------------------------------------------------------------------- paging

    @Test
    void pagesWalkEveryDecisionOnceNewestFirst() {
        for (int size : new int[] {1, 2, 4, 5, 500}) {
            assertThat(walk(Map.of(), size)).as("page size %d", size).containsExactlyElementsOf(expected(f -> true));
        }
    }

    @Test
    void aCustomerIdOf128EmojiIsFoundAndExportedAsTheDecisionStoredIt() {
        String emojiId = emoji(128);
        decide(automatable(emojiId, "CHAT"));
        List<String> expected = expected(f -> f.customerId().equals(emojiId));

        JsonNode page = page(Map.of("customerId", emojiId), 50, null);
        JsonNode export = json(api.get(EXPORT + query(Map.of("customerId", emojiId, "format", "json"))));

        assertThat(expected).hasSize(1);
        assertThat(ids(page)).containsExactlyElementsOf(expected);
        assertThat(ids(export)).containsExactlyElementsOf(expected);
    }

    @Test
    void textLimitsCountCharactersNotUtf16Units() {
        TraceSearch.Query query = TraceSearch.parse(Map.of("customerId", List.of(emoji(128)),
                "clientName", List.of(emoji(100))), true, Set.of());

        assertThat(query.filter().customerId()).isEqualTo(emoji(128));
        assertThat(query.filter().clientName()).isEqualTo(emoji(100));
    }

    /** @return {@code emoji} grinning faces: as many characters (code points), twice as many UTF-16 units */
    private static String emoji(int emoji) {
        return "\uD83D\uDE00".repeat(emoji);
    }

    @Test
    void pagingIsStableWhileNewDecisionsArrive() {
        String pager = "search-pager";
        for (int i = 0; i < 5; i++) {
            decide(automatable(pager, "WEB"));
        }
        List<String> before = expected(f -> f.customerId().equals(pager));

        JsonNode first = page(Map.of("customerId", pager), 2, null);
        decide(automatable(pager, "WEB"));
        List<String> walked = new ArrayList<>(ids(first));
        String cursor = first.path("nextCursor").asString();
        while (cursor != null) {
            JsonNode next = page(Map.of("customerId", pager), 2, cursor);
            walked.addAll(ids(next));
            cursor = next.path("nextCursor").isNull() ? null : next.path("nextCursor").asString();
        }

        assertThat(walked).as("no decision twice, none missed; the newcomer is before the first page")
                .containsExactlyElementsOf(before);
        assertThat(walk(Map.of("customerId", pager), 2)).hasSize(6).first().isEqualTo(stored.get(stored.size() - 1).decisionId());
    }

    @Test
    void theNextPageIsAlsoLinkedFromTheHeaders() {
        HttpResponse<String> response = api.get(TRACES + query(Map.of("customerId", ANN, "size", "2")));

        String cursor = json(response).path("nextCursor").asString();
        assertThat(response.headers().firstValue("Next-Cursor")).hasValue(cursor);
        String link = response.headers().firstValue("Link").orElseThrow();
        assertThat(link).startsWith("</api/v1/traces?").endsWith(">; rel=\"next\"").contains("cursor=" + cursor);
        String next = link.substring(1, link.indexOf('>'));
        assertThat(ids(json(api.get(next)))).containsExactlyElementsOf(
                expected(f -> f.customerId().equals(ANN)).subList(2, 4));
    }

    // ------------------------------------------------------------------------------------------------ formats

    @Test
    void csvHoldsWhatJsonHolds() {
        Map<String, String> parameters = Map.of("size", "500");
        JsonNode items = json(api.get(TRACES + query(parameters))).path("items");

        HttpResponse<String> byAccept = api.send(api.request(TRACES + query(parameters)).header("Accept", "text/csv").GET());
        HttpResponse<String> byParameter = api.get(TRACES + query(Map.of("size", "500", "format", "csv")));

        assertThat(byAccept.statusCode()).as(byAccept.body()).isEqualTo(200);
        assertThat(contentType(byAccept)).as("as docs/compliance.md states it").isEqualTo("text/csv;header=present;charset=UTF-8");
        assertThat(byParameter.body()).isEqualTo(byAccept.body());
        assertCsvEqualsJson(byAccept.body(), items);
        assertThat(byAccept.body()).as("RFC 4180 quoting").contains("\"o'neil, \"\"the\"\" boss; second part\"");
    }

    @Test
    void csvWritesAValueThatStartsLikeAFormulaAsTextWhileJsonKeepsItAsStored() {
        Map<String, String> parameters = Map.of("customerId", FORMULA, "format", "csv");

        String page = api.get(TRACES + query(parameters)).body();
        String export = api.get(EXPORT + query(parameters)).body();
        JsonNode item = json(api.get(TRACES + query(Map.of("customerId", FORMULA)))).path("items").get(0);

        for (String csv : List.of(page, export)) {
            List<String> row = parseCsv(csv).get(1);
            assertThat(row.get(TraceSummary.COLUMNS.indexOf("customerId"))).isEqualTo("'" + FORMULA);
            assertThat(row.get(TraceSummary.COLUMNS.indexOf("requestId"))).startsWith("'@SUM(A1)-");
        }
        assertThat(item.path("customerId").asString()).isEqualTo(FORMULA);
    }

    @Test
    void csvGivesAValueThatStartsWithAQuoteOneMoreSoThatDroppingOneGivesItBack() {
        String quoted = "'=1";
        decide(automatable(quoted, "WEB"));
        Map<String, String> parameters = Map.of("customerId", quoted, "format", "csv");

        for (String csv : List.of(api.get(TRACES + query(parameters)).body(), api.get(EXPORT + query(parameters)).body())) {
            String cell = parseCsv(csv).get(1).get(TraceSummary.COLUMNS.indexOf("customerId"));
            assertThat(cell).isEqualTo("''=1");
            assertThat(cell.substring(1)).as("the reader's rule: drop the one added quote").isEqualTo(quoted);
        }
    }

    @Test
    void csvPagesCarryTheCursorInTheHeaders() {
        HttpResponse<String> first = api.get(TRACES + query(Map.of("size", "3", "format", "csv")));
        String cursor = first.headers().firstValue("Next-Cursor").orElseThrow();
        HttpResponse<String> second = api.get(TRACES + query(Map.of("size", "3", "format", "csv", "cursor", cursor)));

        List<String> walked = new ArrayList<>();
        walked.addAll(csvIds(first.body()));
        walked.addAll(csvIds(second.body()));
        assertThat(walked).containsExactlyElementsOf(expected(f -> true).subList(0, 6));
    }

    @Test
    void anAcceptHeaderPreferringJsonOrAnythingGetsJson() {
        for (String accept : new String[] {"application/json", "*/*", "text/csv;q=0.5, application/json", "text/html, */*;q=0.8"}) {
            HttpResponse<String> response = api.send(api.request(TRACES).header("Accept", accept).GET());
            assertThat(contentType(response)).as(accept).startsWith("application/json");
        }
        HttpResponse<String> csv = api.send(api.request(TRACES).header("Accept", "application/json;q=0.4, text/csv").GET());
        assertThat(contentType(csv)).startsWith("text/csv");
    }

    // ------------------------------------------------------------------------------------------------- export

    @Test
    void exportStreamsEveryMatchAsCsvOrJson() {
        Map<String, String> parameters = Map.of("customerId", ANN);
        List<String> expected = expected(f -> f.customerId().equals(ANN));
        assertThat(expected.size()).as("more than one export batch, within the limit").isBetween(5, EXPORT_LIMIT);

        HttpResponse<String> csv = api.send(api.request(EXPORT + query(parameters)).header("Accept", "text/csv").GET());
        HttpResponse<String> jsonExport = api.get(EXPORT + query(Map.of("customerId", ANN, "format", "json")));

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(contentType(csv)).isEqualTo("text/csv;header=present;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment").contains("decision-traces.csv"));
        JsonNode exported = json(jsonExport);
        assertThat(ids(exported)).containsExactlyElementsOf(expected);
        assertThat(exported.path("count").asInt()).isEqualTo(expected.size());
        assertCsvEqualsJson(csv.body(), exported.path("items"));
        assertThat(exported.path("items")).isEqualTo(json(api.get(TRACES + query(Map.of("customerId", ANN)))).path("items"));
    }

    @Test
    void anExportOverTheLimitIsRefusedBeforeAnythingIsSent() {
        assertThat(stored.size()).isGreaterThan(EXPORT_LIMIT);

        JsonNode problem = assertProblem(api.send(api.request(EXPORT).header("Accept", "text/csv").GET()), 400);

        assertThat(errorFields(problem)).containsExactly("query");
        assertThat(problem.path("detail").asString()).contains("10");
    }

    // ------------------------------------------------------------------------------------------ bad parameters

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("outcome=MAYBE", "outcome"),
                Arguments.of("outcome=automate", "outcome"),
                Arguments.of("channel=FAX", "channel"),
                Arguments.of("from=yesterday", "from"),
                Arguments.of("from=2026-11-21T10:00:00", "from"),
                Arguments.of("to=2026-11-21", "to"),
                Arguments.of("from=2026-11-21T11:00:00+01:00", "from"),
                Arguments.of("from=%2B100000-01-01T00:00:00Z", "from"),
                Arguments.of("from=2026-11-21T10:00:00Z&to=2026-11-21T10:00:00Z", "to"),
                Arguments.of("reasonCode=legal_threat", "reasonCode"),
                Arguments.of("reasonCode=LEGAL%20THREAT", "reasonCode"),
                Arguments.of("customerId=" + "c".repeat(129), "customerId"),
                Arguments.of("customerId=" + URLEncoder.encode(emoji(129), StandardCharsets.UTF_8), "customerId"),
                Arguments.of("clientName=" + URLEncoder.encode(emoji(101), StandardCharsets.UTF_8), "clientName"),
                Arguments.of("customerId=%20%20", "customerId"),
                Arguments.of("policyVersion=has%20space", "policyVersion"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=501", "size"),
                Arguments.of("size=ten", "size"),
                Arguments.of("size=-1", "size"),
                Arguments.of("size=99999999999999999999", "size"),
                Arguments.of("cursor=not-a-cursor", "cursor"),
                Arguments.of("cursor=" + new TraceCursor(Instant.EPOCH, "x'; DROP TABLE decision_trace; --").encode(), "cursor"),
                Arguments.of("format=xml", "format"),
                Arguments.of("outcome=", "outcome"),
                Arguments.of("outcome=AUTOMATE&outcome=ESCALATE", "outcome"),
                Arguments.of("page=2", "page"),
                Arguments.of("customer=c-123", "customer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void aBadParameterIsA400ProblemNamingIt(String parameters, String field) {
        JsonNode problem = assertProblem(api.get(TRACES + "?" + parameters), 400);

        assertThat(errorFields(problem)).containsExactly(field);
        assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
    }

    @Test
    void everyBadParameterIsNamedAtOnceEvenWhenCsvWasAskedFor() {
        HttpResponse<String> response = api.send(api.request(TRACES + "?outcome=SOMETIMES&size=0&from=now")
                .header("Accept", "text/csv").GET());

        assertThat(errorFields(assertProblem(response, 400))).containsExactly("from", "outcome", "size");
    }

    @Test
    void theExportTakesNoCursorOrSizeAndChecksItsParametersToo() {
        assertThat(errorFields(assertProblem(api.get(EXPORT + "?size=5"), 400))).containsExactly("size");
        assertThat(errorFields(assertProblem(api.get(EXPORT + "?cursor=abc&channel=FAX"), 400)))
                .containsExactly("channel", "cursor");
    }

    @Test
    void valuesAreDataNeverSql() {
        for (String hostile : new String[] {"x' OR '1'='1", "'; DELETE FROM decision_trace; --", "%", "_"}) {
            JsonNode page = json(api.get(TRACES + query(Map.of("customerId", hostile))));
            assertThat(page.path("items").size()).as(hostile).isZero();
        }
        assertThat(walk(Map.of(), 500)).hasSameSizeAs(stored);
    }

    @Test
    void aDatabaseFailureIsA503ProblemNeverA500() {
        jdbc.sql("ALTER TABLE decision_reason RENAME TO decision_reason_unavailable").update();
        HttpResponse<String> page;
        HttpResponse<String> byReason;
        HttpResponse<String> export;
        try {
            page = api.get(TRACES);
            byReason = api.get(TRACES + "?reasonCode=LEGAL_THREAT");
            export = api.send(api.request(EXPORT + "?customerId=" + ANN).header("Accept", "text/csv").GET());
        } finally {
            jdbc.sql("ALTER TABLE decision_reason_unavailable RENAME TO decision_reason").update();
        }

        for (HttpResponse<String> response : List.of(page, byReason, export)) {
            assertProblem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        }
        assertThat(walk(Map.of(), 500)).as("search resumes").hasSameSizeAs(stored);
    }

    @Test
    void theOpenApiDocumentDescribesSearchAndExport() {
        JsonNode paths = json(api.get("/v3/api-docs")).path("paths");

        List<String> searchParameters = new ArrayList<>();
        paths.path(TRACES).path("get").path("parameters").forEach(p -> searchParameters.add(p.path("name").asString()));
        assertThat(searchParameters).containsExactlyInAnyOrder("customerId", "reasonCode", "outcome", "channel", "from",
                "to", "policyVersion", "clientName", "cursor", "size", "format");
        assertThat(paths.path(EXPORT).has("get")).isTrue();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static ObjectNode automatable(String customer, String channel) {
        return with(automatableRequestOn(channel), "customer.id", customer);
    }

    private static ObjectNode lowConfidence(String customer, String channel) {
        return withIntentConfidence(automatable(customer, channel), 0.5);
    }

    private static ObjectNode legalThreat(String customer, String channel) {
        return with(automatable(customer, channel), "interaction.message", "Where is my parcel? I will sue you");
    }

    private static ObjectNode humanRequested(String customer, String channel) {
        return with(automatable(customer, channel), "interaction.intent.label", "contact_human_agent");
    }

    private void decide(ObjectNode request) {
        JsonNode answer = api.decided(request);
        List<String> codes = new ArrayList<>();
        answer.path("reasons").forEach(reason -> codes.add(reason.path("code").asString()));
        stored.add(new Fixture(answer.path("decisionId").asString(),
                request.path("requestId").isMissingNode() ? null : request.path("requestId").asString(),
                request.path("customer").path("id").asString(), request.path("interaction").path("channel").asString(),
                answer.path("outcome").asString(), codes, answer.path("policyVersion").asString()));
    }

    /** Activates the shipped policy with one catalog owner renamed: a new version that decides the same. */
    private void activateAnotherPolicyVersion() {
        Map<String, String> files = new TreeMap<>(PolicyFiles.read(Path.of("rules"), Path.of("dmn-models")).contents());
        assertThat(files.get(CATALOG)).contains("owner: Legal");
        files.put(CATALOG, files.get(CATALOG).replaceFirst("owner: Legal", "owner: Legal and compliance"));
        HttpResponse<String> response = client("search-test").post("/api/v1/policies/activate", Map.of("files", files));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("activated").asBoolean()).as(response.body()).isTrue();
    }

    /** Gives a lambda its type inside {@code Arguments.of}. */
    private static Predicate<Fixture> matching(Predicate<Fixture> predicate) {
        return predicate;
    }

    /** Replaces the placeholders "first" and "second" of policyVersion, known only once the fixtures exist. */
    private Map<String, String> withVersions(Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.computeIfPresent("policyVersion", (name, which) -> which.equals("first") ? firstVersion : secondVersion);
        return query;
    }

    /** @return ids of the stored decisions that match, newest (last stored) first */
    private List<String> expected(Predicate<Fixture> matches) {
        List<String> ids = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0; i--) {
            if (matches.test(stored.get(i))) {
                ids.add(stored.get(i).decisionId());
            }
        }
        return ids;
    }

    private Fixture fixture(String decisionId) {
        return stored.stream().filter(f -> f.decisionId().equals(decisionId)).findFirst().orElseThrow();
    }

    private Instant decidedAt(String decisionId) {
        return jdbc.sql("SELECT decided_at FROM decision_trace WHERE decision_id = ?").param(decisionId)
                .query(OffsetDateTime.class).single().toInstant();
    }

    /** Follows nextCursor from the first page to the last, checking each page's size, and returns all ids. */
    private List<String> walk(Map<String, String> parameters, int size) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(parameters, size, cursor);
            assertThat(page.path("size").asInt()).isEqualTo(size);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(size);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            if (cursor != null) {
                assertThat(page.path("items").size()).as("only the last page is short").isEqualTo(size);
            }
            ids.addAll(ids(page));
            assertThat(ids.size()).as("the walk ends").isLessThanOrEqualTo(stored.size());
        } while (cursor != null);
        return ids;
    }

    private JsonNode page(Map<String, String> parameters, int size, String cursor) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put("size", Integer.toString(size));
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        HttpResponse<String> response = api.get(TRACES + query(query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/json");
        return json(response);
    }

    private static String query(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("decisionId").asString()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void assertCsvEqualsJson(String csv, JsonNode items) {
        assertThat(csv).startsWith(String.join(",", TraceSummary.COLUMNS) + "\r\n").endsWith("\r\n");
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows.get(0)).containsExactlyElementsOf(TraceSummary.COLUMNS);
        assertThat(rows).hasSize(items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            List<String> expected = new ArrayList<>();
            for (String column : TraceSummary.COLUMNS) {
                JsonNode value = item.path(column);
                expected.add(value.isNull() ? "" : value.isArray() ? String.join("|", strings(value)) : asText(value.asString()));
            }
            assertThat(rows.get(i + 1)).as("row %d", i + 1).containsExactlyElementsOf(expected);
        }
    }

    /**
     * @return the value as a spreadsheet-safe CSV cell holds it: with a ' in front when it starts like a formula or
     *         with a ' of its own
     */
    private static String asText(String value) {
        return value.matches("(?s)[=+\\-@\t\r'].*") ? "'" + value : value;
    }

    private static List<String> csvIds(String csv) {
        return parseCsv(csv).stream().skip(1).map(row -> row.get(0)).toList();
    }

    /** A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes, CR and LF inside quotes. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    char c = csv.charAt(i++);
                    if (c == '"' && i < csv.length() && csv.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        field.append(c);
                    }
                }
            }
            while (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                assertThat(csv.charAt(i)).as("no quote or line feed in an unquoted field").isNotIn('"', '\n');
                field.append(csv.charAt(i++));
            }
            row.add(field.toString());
            field.setLength(0);
            if (i < csv.length() && csv.charAt(i) == ',') {
                i++;
            } else {
                assertThat(csv.substring(i, i + 2)).as("records end with CRLF").isEqualTo("\r\n");
                i += 2;
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        return rows;
    }
}
