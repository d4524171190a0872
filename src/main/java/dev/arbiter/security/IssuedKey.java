package dev.arbiter.security;

import java.time.Instant;
import java.util.Set;

/**
 * A key just created. {@code key} is the only time the secret is ever shown: the service keeps its hash alone.
 *
 * @param key the whole key to send as {@code X-API-Key}
 */
public record IssuedKey(String keyId, String key, String clientName, Set<Role> roles, Instant createdAt, String createdBy) {
}
