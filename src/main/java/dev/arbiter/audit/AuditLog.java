package dev.arbiter.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records administrative actions and finds them again. Entries are only ever inserted; nothing in the service
 * updates or deletes them. Call {@link #record} inside the transaction of the action it records, so that both
 * commit or neither does. Thread-safe.
 */
@Service
public class AuditLog {

    /** Widths of the {@code admin_audit} columns (changeSet 4-compliance). */
    private static final int ACTOR_WIDTH = 128;
    private static final int ACTION_WIDTH = 32;
    private static final int TARGET_WIDTH = 200;
    private static final int ADDRESS_WIDTH = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /**
     * @param actor   who acts; never null
     * @param action  the kind of action, e.g. {@code POLICY_ACTIVATE}; never null, at most 32 characters
     * @param target  what it acts on, or null
     * @param details details as JSON text, or null; text that is not JSON is stored as a JSON string
     */
    public void record(String actor, String action, String target, String details) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        if (action.length() > ACTION_WIDTH) {
            throw new IllegalArgumentException("audit action longer than " + ACTION_WIDTH + " characters: " + action);
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO admin_audit (at, actor, action, target, details, remote_address) VALUES (?, ?, ?, ?, ?, ?)")
                .params(now.atOffset(ZoneOffset.UTC), clip(actor, ACTOR_WIDTH), action, clip(target, TARGET_WIDTH),
                        asJson(details), clip(remoteAddress(), ADDRESS_WIDTH))
                .update();
    }

    /** Like {@link #record(String, String, String, String)}, with the details written as a JSON object. */
    public void record(String actor, String action, String target, Map<String, ?> details) {
        record(actor, action, target, details == null ? null : json.writeValueAsString(details));
    }

    /** @return the entries matching {@code query}, newest (highest id) first, one page */
    public AuditPage search(AuditQuery query) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        condition(where, params, "actor = ?", query.actor());
        condition(where, params, "action = ?", query.action());
        condition(where, params, "at >= ?", query.from() == null ? null : query.from().atOffset(ZoneOffset.UTC));
        condition(where, params, "at < ?", query.to() == null ? null : query.to().atOffset(ZoneOffset.UTC));
        condition(where, params, "id < ?", query.before());
        params.add(query.size() + 1);
        List<AuditEntry> found = jdbc.sql("SELECT id, at, actor, action, target, details, remote_address FROM admin_audit"
                        + where + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query((rs, row) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        if (found.size() <= query.size()) {
            return new AuditPage(found, null);
        }
        List<AuditEntry> page = found.subList(0, query.size());
        return new AuditPage(List.copyOf(page), page.get(page.size() - 1).id());
    }

    private static void condition(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
            params.add(value);
        }
    }

    /** @return {@code details} when it is JSON, else the text as a JSON string, so that every stored entry is JSON */
    private String asJson(String details) {
        if (details == null || details.isBlank()) {
            return null;
        }
        try {
            json.readTree(details);
            return details;
        } catch (JacksonException e) {
            return json.writeValueAsString(details);
        }
    }

    private static String clip(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width);
    }

    /** @return the address of the HTTP client behind the current request, or null outside a request */
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
