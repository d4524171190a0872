package dev.arbiter.lifecycle;

import java.time.Instant;

/** The version deciding now: its hash, label, and when, by whom and how it became active. */
public record ActivePolicyView(String version, String label, Instant activatedAt, String activatedBy, String action,
                               int warnings) {
}
