package dev.arbiter.audit;

import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param items the entries, by descending id
 * @param next  the cursor of the following (older) page, to pass as {@code before}; null when this is the last page
 */
public record AuditPage(List<AuditEntry> items, Long next) {
}
