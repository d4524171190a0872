package dev.arbiter.lifecycle;

import java.time.Instant;

/**
 * A stored version as listed in the history.
 *
 * @param active           true for the version deciding now
 * @param lastActivatedAt  when it was last activated, or null if never
 * @param scenariosPassed  scenarios passed at its gate, or null when none ran
 * @param scenariosFailed  scenarios failed at its gate, or null when none ran
 * @param warnings         validation warnings
 */
public record VersionSummary(String version, String label, String author, Instant createdAt, String comment,
                             String previousVersion, boolean active, Instant lastActivatedAt, Integer scenariosPassed,
                             Integer scenariosFailed, int warnings) {
}
