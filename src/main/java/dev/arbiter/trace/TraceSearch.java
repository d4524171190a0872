package dev.arbiter.trace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.arbiter.decision.Channel;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.web.Problems;
import dev.arbiter.web.QueryParameters;

/**
 * Searches stored decisions by customer, reason code, outcome, channel, time range and policy version, newest
 * first, a page at a time with a keyset cursor on (decision time, decision id). Builds its SQL from fixed
 * fragments; every value from the caller is a bound parameter. Thread-safe.
 *
 * <p>Why the queries are fast on millions of rows: each search walks one index newest-first and stops after a
 * page. The customer id, policy version, outcome or channel filter (first given, in that order) leads the ORDER BY
 * — which changes nothing, since the filter fixes that column — so the database walks that column's
 * {@code (column, decided_at)} index backwards; without one it walks {@code (decided_at)}. The time range and the
 * cursor are ranges on the same index. The reason-code filter is an EXISTS on {@code decision_reason}, checked per
 * row through the {@code (code, decision_id)} index alone: cheap when the code is common, as a page fills after a
 * few rows.
 * A rare code would make that walk read most of the range to fill a page, so when a bounded count of the code's
 * {@code decision_reason} rows (an index-only read) finds at most {@code arbiter.search.rare-reason-rows}
 * (default 10,000), the search starts
 * from the code instead: the same semi-join written as {@code decision_id IN (SELECT ... WHERE code = ?)}, which
 * reads the code's index and looks each decision up by primary key — at most that many lookups, then a sort.
 * docs/benchmarks.md has the plans and times over a million decisions.
 */
@Component
public class TraceSearch {

    /** Page size when none is asked for. */
    public static final int DEFAULT_SIZE = 50;
    /** Largest page. */
    public static final int MAX_SIZE = 500;

    /** Parameter names. */
    public static final String CUSTOMER_ID = "customerId";
    public static final String REASON_CODE = "reasonCode";
    public static final String OUTCOME = "outcome";
    public static final String CHANNEL = "channel";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String POLICY_VERSION = "policyVersion";
    public static final String CLIENT_NAME = "clientName";
    public static final String CURSOR = "cursor";
    public static final String SIZE = "size";

    private static final List<String> FILTERS = List.of(CUSTOMER_ID, REASON_CODE, OUTCOME, CHANNEL, FROM, TO, POLICY_VERSION,
            CLIENT_NAME);
    static final int MAX_CUSTOMER_ID = 128;
    static final int MAX_CLIENT_NAME = 100;
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Set<String> OUTCOMES = names(Outcome.values());
    private static final Set<String> CHANNELS = names(Channel.values());
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;

    private static final String COLUMNS = "t.decision_id, t.request_id, t.client_name, t.customer_id, t.channel, "
            + "t.line_of_business, t.outcome, t.policy_version, t.decided_at";
    private static final RowMapper<Row> ROWS = (rs, index) -> new Row(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, OffsetDateTime.class).toInstant());

    /** A validated search: what to look for, after which position, how many. */
    public record Query(TraceFilter filter, TraceCursor after, int size) {
    }

    /** One page of results, newest first; {@code next} is null on the last page. */
    public record Page(List<TraceSummary> items, TraceCursor next) {
    }

    /** SQL text with its bound parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
    }

    /** A filter and how to run it: whether its reason code is rare enough to start from. */
    record Plan(TraceFilter filter, boolean fromReasonCode) {
    }

    /** Receives an export's decisions, a batch at a time, newest first. */
    @FunctionalInterface
    public interface BatchSink {
        void accept(List<TraceSummary> batch) throws java.io.IOException;
    }

    private record Row(String decisionId, String requestId, String clientName, String customerId, String channel,
                       String lineOfBusiness, String outcome, String policyVersion, Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final int rareReasonRows;

    TraceSearch(JdbcClient jdbc, SearchLimits limits) {
        this.jdbc = jdbc;
        this.rareReasonRows = limits.rareReasonRows();
    }

    /**
     * Validates request parameters.
     *
     * @param parameters every query parameter of the request, with all its values
     * @param paged      whether {@code cursor} and {@code size} are allowed (a page) or not (an export)
     * @param alsoAllowed further parameter names the caller handles itself (such as {@code format})
     * @throws InvalidSearchException naming every parameter that is unknown, repeated, empty or invalid
     */
    public static Query parse(Map<String, List<String>> parameters, boolean paged, Set<String> alsoAllowed) {
        Set<String> known = new LinkedHashSet<>(FILTERS);
        if (paged) {
            known.addAll(List.of(CURSOR, SIZE));
        }
        known.addAll(alsoAllowed);
        List<Problems.FieldError> errors = new ArrayList<>();
        Map<String, String> values = QueryParameters.single(parameters, known, name -> unknownMessage(name, paged, known),
                errors);
        Parser parser = new Parser(values, errors);
        String customerId = parser.text(CUSTOMER_ID, value -> !value.isBlank() && atMostCharacters(value, MAX_CUSTOMER_ID),
                "must be a customer id of at most " + MAX_CUSTOMER_ID + " characters");
        String reasonCode = parser.text(REASON_CODE, value -> REASON.matcher(value).matches(),
                "must be an upper-case reason code such as LEGAL_THREAT (A-Z, 0-9 and _, at most 64)");
        String outcome = parser.text(OUTCOME, OUTCOMES::contains, "must be one of " + OUTCOMES);
        String channel = parser.text(CHANNEL, CHANNELS::contains, "must be one of " + CHANNELS);
        String policyVersion = parser.text(POLICY_VERSION, value -> VERSION.matcher(value).matches(),
                "must be a policy version: at most 64 printable characters without spaces");
        String clientName = parser.text(CLIENT_NAME, value -> !value.isBlank() && atMostCharacters(value, MAX_CLIENT_NAME),
                "must be a client name of at most " + MAX_CLIENT_NAME + " characters");
        Instant from = parser.instant(FROM);
        Instant to = parser.instant(TO);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new Problems.FieldError(TO, "must be after from (from is inclusive, to exclusive)"));
        }
        TraceCursor after = null;
        if (values.containsKey(CURSOR)) {
            after = TraceCursor.decode(values.get(CURSOR)).orElse(null);
            if (after == null) {
                errors.add(new Problems.FieldError(CURSOR,
                        "is not a cursor of this service: pass the nextCursor of the previous page unchanged"));
            }
        }
        int size = parser.size();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problems.FieldError::field));
            throw new InvalidSearchException(errors);
        }
        return new Query(new TraceFilter(customerId, reasonCode, outcome, channel, from, to, policyVersion, clientName),
                after, size);
    }

    /**
     * @return whether {@code value} has at most {@code max} characters counted as code points, as the decision
     *         request counts them: an emoji outside the Basic Multilingual Plane is one character, not two
     */
    static boolean atMostCharacters(String value, int max) {
        return value.codePointCount(0, value.length()) <= max;
    }

    private static String unknownMessage(String name, boolean paged, Set<String> known) {
        if (name.equals("page") && paged) {
            return "is not supported: pages are reached with cursor, the nextCursor of the previous page";
        }
        if (!paged && (name.equals(CURSOR) || name.equals(SIZE))) {
            return "does not apply to an export, which holds every matching decision";
        }
        return "is not a search parameter; the parameters are " + known;
    }

    /** Reads single parameter values, adding an error for each invalid one. */
    private record Parser(Map<String, String> values, List<Problems.FieldError> errors) {

        String text(String name, java.util.function.Predicate<String> valid, String message) {
            String value = values.get(name);
            if (value == null) {
                return null;
            }
            if (!valid.test(value)) {
                errors.add(new Problems.FieldError(name, message));
                return null;
            }
            return value;
        }

        Instant instant(String name) {
            String value = values.get(name);
            if (value == null) {
                return null;
            }
            try {
                OffsetDateTime time = OffsetDateTime.parse(value);
                if (time.getYear() >= MIN_YEAR && time.getYear() <= MAX_YEAR) {
                    return time.toInstant();
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            errors.add(new Problems.FieldError(name, "must be an ISO-8601 date-time with offset between years "
                    + MIN_YEAR + " and " + MAX_YEAR + ", e.g. 2026-11-21T10:00:00Z or 2026-11-21T11:00:00%2B01:00 "
                    + "(a + must be sent as %2B)"));
            return null;
        }

        int size() {
            String value = values.get(SIZE);
            if (value == null) {
                return DEFAULT_SIZE;
            }
            if (value.matches("[0-9]{1,3}")) {
                int size = Integer.parseInt(value);
                if (size >= 1 && size <= MAX_SIZE) {
                    return size;
                }
            }
            errors.add(new Problems.FieldError(SIZE, "must be a whole number from 1 to " + MAX_SIZE));
            return DEFAULT_SIZE;
        }
    }

    /**
     * @return up to {@code size} decisions matching {@code filter} after the cursor (null: from the newest),
     *         newest first, and the cursor of the next page when there are more
     * @throws SearchUnavailableException when the database cannot be read
     */
    public Page page(TraceFilter filter, TraceCursor after, int size) {
        return page(plan(filter), after, size);
    }

    /**
     * Counts matching decisions, but stops counting at {@code limit}: the answer is min(matches, limit), and the
     * database reads no further once it has found that many.
     *
     * @throws SearchUnavailableException when the database cannot be read
     */
    public long countUpTo(TraceFilter filter, int limit) {
        try {
            Statement statement = countStatement(plan(filter), limit);
            return jdbc.sql(statement.sql()).params(statement.parameters()).query(Long.class).single();
        } catch (DataAccessException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /**
     * Walks every page of a search, newest first, handing each to {@code sink} as it is read; stops after
     * {@code maxRows} decisions. Each batch is its own short query, so no database cursor stays open while the
     * sink writes to a slow client.
     *
     * @return how many decisions were handed to the sink
     * @throws SearchUnavailableException when the database cannot be read
     * @throws java.io.IOException        when the sink fails
     */
    public long export(TraceFilter filter, long maxRows, int batchSize, BatchSink sink) throws java.io.IOException {
        Plan plan = plan(filter);
        long written = 0;
        TraceCursor after = null;
        while (written < maxRows) {
            Page page = page(plan, after, (int) Math.min(batchSize, maxRows - written));
            if (!page.items().isEmpty()) {
                sink.accept(page.items());
            }
            written += page.items().size();
            if (page.next() == null) {
                break;
            }
            after = page.next();
        }
        return written;
    }

    /** @return how to run {@code filter}: from its reason code when that code is rare */
    Plan plan(TraceFilter filter) {
        if (filter.reasonCode() == null) {
            return new Plan(filter, false);
        }
        try {
            Statement probe = reasonProbe(filter.reasonCode(), rareReasonRows + 1);
            long rows = jdbc.sql(probe.sql()).params(probe.parameters()).query(Long.class).single();
            return new Plan(filter, rows <= rareReasonRows);
        } catch (DataAccessException e) {
            throw new SearchUnavailableException(e);
        }
    }

    private Page page(Plan plan, TraceCursor after, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size " + size + " is outside 1.." + MAX_SIZE);
        }
        try {
            Statement statement = pageStatement(plan, after, size + 1);
            List<Row> rows = jdbc.sql(statement.sql()).params(statement.parameters()).query(ROWS).list();
            boolean more = rows.size() > size;
            List<Row> shown = more ? rows.subList(0, size) : rows;
            Map<String, List<String>> codes = reasonCodes(shown);
            List<TraceSummary> items = shown.stream()
                    .map(row -> new TraceSummary(row.decisionId(), row.requestId(), row.clientName(), row.customerId(),
                            row.channel(),
                            row.lineOfBusiness(), row.outcome(), codes.getOrDefault(row.decisionId(), List.of()),
                            row.policyVersion(), row.decidedAt()))
                    .toList();
            Row last = more ? shown.get(shown.size() - 1) : null;
            return new Page(items, last == null ? null : new TraceCursor(last.decidedAt(), last.decisionId()));
        } catch (DataAccessException e) {
            throw new SearchUnavailableException(e);
        }
    }

    private Map<String, List<String>> reasonCodes(List<Row> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        String placeholders = rows.stream().map(row -> "?").collect(Collectors.joining(", "));
        Map<String, List<String>> codes = new HashMap<>();
        jdbc.sql("SELECT decision_id, code FROM decision_reason WHERE decision_id IN (" + placeholders + ")"
                        + " ORDER BY decision_id, position")
                .params(rows.stream().map(Row::decisionId).toList())
                .query(rs -> {
                    codes.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return codes;
    }

    /** The query of one page: {@code limit} rows after the cursor (null: from the newest), newest first. */
    static Statement pageStatement(Plan plan, TraceCursor after, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM decision_trace t");
        String lead = where(plan, after, sql, parameters);
        sql.append(" ORDER BY ");
        if (lead != null) {
            sql.append(lead).append(" DESC, ");
        }
        sql.append("t.decided_at DESC, t.decision_id DESC FETCH FIRST ? ROWS ONLY");
        parameters.add(limit);
        return new Statement(sql.toString(), List.copyOf(parameters));
    }

    /** The query counting matches up to {@code limit}. */
    static Statement countStatement(Plan plan, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT t.decision_id FROM decision_trace t");
        where(plan, null, sql, parameters);
        sql.append(" FETCH FIRST ? ROWS ONLY) matched");
        parameters.add(limit);
        return new Statement(sql.toString(), List.copyOf(parameters));
    }

    /** The index-only count of a reason code's rows, stopping at {@code limit}. */
    static Statement reasonProbe(String reasonCode, int limit) {
        return new Statement("SELECT COUNT(*) FROM (SELECT r.code FROM decision_reason r WHERE r.code = ?"
                + " FETCH FIRST ? ROWS ONLY) probe", List.of(reasonCode, limit));
    }

    /**
     * Appends the WHERE clause of the plan's filter and the cursor.
     *
     * @return the column fixed by an equality filter that should lead the ORDER BY, or null for none
     */
    private static String where(Plan plan, TraceCursor after, StringBuilder sql, List<Object> parameters) {
        TraceFilter filter = plan.filter();
        List<String> conditions = new ArrayList<>();
        // Customer first: its index holds the fewest decisions per value.
        String lead = equal("t.customer_id", filter.customerId(), null, conditions, parameters);
        lead = equal("t.client_name", filter.clientName(), lead, conditions, parameters);
        lead = equal("t.policy_version", filter.policyVersion(), lead, conditions, parameters);
        lead = equal("t.outcome", filter.outcome(), lead, conditions, parameters);
        lead = equal("t.channel", filter.channel(), lead, conditions, parameters);
        if (filter.from() != null) {
            conditions.add("t.decided_at >= ?");
            parameters.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("t.decided_at < ?");
            parameters.add(utc(filter.to()));
        }
        if (after != null) {
            // The first condition is a range on the index; the second picks the rows after the cursor among ties.
            conditions.add("t.decided_at <= ? AND (t.decided_at < ? OR t.decision_id < ?)");
            parameters.add(utc(after.decidedAt()));
            parameters.add(utc(after.decidedAt()));
            parameters.add(after.decisionId());
        }
        if (filter.reasonCode() != null && plan.fromReasonCode()) {
            // The same semi-join as the EXISTS below, in the form the database drives from the code's index.
            conditions.add("t.decision_id IN (SELECT r.decision_id FROM decision_reason r WHERE r.code = ?)");
            parameters.add(filter.reasonCode());
            lead = null;
        } else if (filter.reasonCode() != null) {
            conditions.add("EXISTS (SELECT 1 FROM decision_reason r WHERE r.decision_id = t.decision_id AND r.code = ?)");
            parameters.add(filter.reasonCode());
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        return lead;
    }

    /**
     * Adds {@code column = ?} when a value is given.
     *
     * @param column one of this class's column names, never caller input
     * @return the ORDER BY lead so far, or this column when there is none yet
     */
    private static String equal(String column, String value, String lead, List<String> conditions, List<Object> parameters) {
        if (value == null) {
            return lead;
        }
        conditions.add(column + " = ?");
        parameters.add(value);
        return lead == null ? column : lead;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
