package dev.arbiter.audit;

import java.time.Instant;

/**
 * What to look for in the audit log. Null criteria match everything.
 *
 * @param actor  exactly this actor, or null
 * @param action exactly this action, or null
 * @param from   entries at or after this instant, or null
 * @param to     entries strictly before this instant, or null
 * @param before keyset cursor: only entries with an id below this one (the {@code next} of the previous page), or null
 * @param size   the most entries to return, at least 1
 */
public record AuditQuery(String actor, String action, Instant from, Instant to, Long before, int size) {

    public AuditQuery {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1: " + size);
        }
    }
}
