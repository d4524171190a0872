package dev.arbiter.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated client of a request: the name its API key is bound to and the key's roles. It is the
 * principal of every authenticated request ({@code @AuthenticationPrincipal Caller caller}); the name is what the
 * trace and the audit log record as the actor.
 *
 * @param name  the client name; never null
 * @param keyId the id of the key used (never the key itself); never null
 * @param roles the key's roles; never empty
 */
public record Caller(String name, String keyId, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyId, "keyId");
        roles = Set.copyOf(roles);
    }

    /** @return true when the caller has any of {@code wanted}, or is an {@link Role#ADMIN} */
    public boolean hasAny(Role... wanted) {
        return roles.contains(Role.ADMIN) || Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
