package dev.arbiter.security;

import java.time.Instant;
import java.util.Set;

/** A stored key as listed to administrators: everything but the secret and its hash. Revoked keys are listed too. */
public record ApiKeyView(String keyId, String clientName, Set<Role> roles, Instant createdAt, String createdBy,
                         Instant revokedAt, String revokedBy) {

    /** @return true while the key authenticates requests */
    public boolean active() {
        return revokedAt == null;
    }
}
