package dev.arbiter.lifecycle;

import java.time.Instant;

/** One activation, rollback or start-up choice of a version. */
record ActivationRecord(long id, String version, String action, Instant activatedAt, String activatedBy, String comment) {
}
