package dev.arbiter.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records administrative actions. Entries are only ever inserted; nothing in the service updates or deletes them.
 * Call it inside the transaction of the action it records, so that both commit or neither does. Thread-safe.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param actor   who acts; never null
     * @param action  the kind of action, e.g. {@code POLICY_ACTIVATE}; never null
     * @param target  what it acts on, or null
     * @param details details as JSON text, or null
     */
    public void record(String actor, String action, String target, String details) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO admin_audit (at, actor, action, target, details, remote_address) VALUES (?, ?, ?, ?, ?, ?)")
                .params(now.atOffset(ZoneOffset.UTC), actor, action, target, details, remoteAddress())
                .update();
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
