package dev.arbiter.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One administrative action.
 *
 * @param id            position in the log
 * @param at            when it happened
 * @param actor         who did it (the authenticated client, or the name the caller gave)
 * @param action        what kind of action: POLICY_ACTIVATE, POLICY_ROLLBACK, AUTOMATION_PAUSE, ...
 * @param target        what it acted on (a policy version, a channel, ...), or null
 * @param details       free details as JSON text, or null; written into JSON responses as JSON, not as a string
 * @param remoteAddress the client's address, or null when not from an HTTP request
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, @Schema(implementation = Map.class, description = "what the action changed, as a JSON object; its fields depend on the action (docs/compliance.md)")
                         @JsonRawValue String details,
                         String remoteAddress) {
}
