package dev.arbiter.lifecycle;

import java.time.Instant;

/**
 * The outcome of an activation or rollback.
 *
 * @param activated   true when the version is now deciding
 * @param changed     false when the version was already active (nothing swapped)
 * @param version     the candidate's version
 * @param label       its label
 * @param activatedAt when it became active, or null
 * @param activatedBy who activated it, or null
 * @param gate        the checks it went through
 */
public record ActivationResult(boolean activated, boolean changed, String version, String label, Instant activatedAt,
                               String activatedBy, GateResult gate) {
}
