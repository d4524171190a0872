package dev.arbiter.automation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.arbiter.audit.AuditLog;
import dev.arbiter.decision.AutomationPauses;
import dev.arbiter.decision.Channel;

/**
 * The kill switch. Pauses are stored in the database and kept in memory as one immutable snapshot, so checking
 * the switch on every decision costs a map lookup. Thread-safe.
 */
@Service
public class AutomationSwitch implements AutomationPauses {

    static final String GLOBAL = "GLOBAL";
    private static final Logger log = LoggerFactory.getLogger(AutomationSwitch.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private volatile Map<String, AutomationState.Pause> pauses;

    AutomationSwitch(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.pauses = load();
    }

    private Map<String, AutomationState.Pause> load() {
        Map<String, AutomationState.Pause> loaded = new TreeMap<>();
        jdbc.sql("SELECT scope, paused_at, paused_by, reason FROM automation_pause")
                .query((rs, row) -> loaded.put(rs.getString(1), new AutomationState.Pause(
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4))))
                .list();
        if (!loaded.isEmpty()) {
            log.warn("Automation is paused for {}", loaded.keySet());
        }
        return Map.copyOf(loaded);
    }

    @Override
    public String pauseScopeFor(Channel channel) {
        Map<String, AutomationState.Pause> now = pauses;
        if (now.containsKey(GLOBAL)) {
            return GLOBAL;
        }
        return now.containsKey(channel.name()) ? channel.name() : null;
    }

    /** @return the pauses in force */
    public AutomationState state() {
        Map<String, AutomationState.Pause> now = pauses;
        Map<String, AutomationState.Pause> channels = new TreeMap<>(now);
        channels.remove(GLOBAL);
        return new AutomationState(now.get(GLOBAL), channels);
    }

    /**
     * Pauses or resumes, persists the change and its audit entry ({@code AUTOMATION_PAUSE} or
     * {@code AUTOMATION_RESUME}) in one transaction, then makes it visible to decisions. Resuming a scope that is not
     * paused changes nothing: nothing is written and nothing audited. Pausing a paused scope replaces its pause (when,
     * who, why) and is audited.
     *
     * @param by the client that asks, recorded as the actor; never null
     * @return the pauses in force afterwards
     */
    @Transactional
    public synchronized AutomationState apply(AutomationCommand command, String by) {
        String scope = command.channel() == null ? GLOBAL : command.channel().name();
        int lifted = jdbc.sql("DELETE FROM automation_pause WHERE scope = ?").param(scope).update();
        if (!command.paused() && lifted == 0) {
            return state();
        }
        if (command.paused()) {
            Instant now = clock.instant();
            jdbc.sql("INSERT INTO automation_pause (scope, paused_at, paused_by, reason) VALUES (?, ?, ?, ?)")
                    .params(scope, now.atOffset(ZoneOffset.UTC), by, command.reason())
                    .update();
        }
        // Before the in-memory swap: when the audit entry cannot be written, nothing changes.
        audit.record(by, command.paused() ? "AUTOMATION_PAUSE" : "AUTOMATION_RESUME", scope,
                Collections.singletonMap("reason", command.reason()));
        pauses = load();
        String why = command.reason() == null ? "no reason given" : command.reason();
        if (command.paused()) {
            log.warn("Automation paused for {} by {}: {}", scope, by, why);
        } else {
            log.info("Automation resumed for {} by {}: {}", scope, by, why);
        }
        return state();
    }
}
