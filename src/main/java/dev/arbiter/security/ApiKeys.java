package dev.arbiter.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.arbiter.audit.AuditLog;
import dev.arbiter.audit.ServiceActors;

/**
 * Issues, lists, revokes and checks API keys. Keys are stored as the hash of their secret, bound to a client name
 * and roles; issuing and revoking are recorded in the audit log in the same transaction. A checked key is cached
 * for {@code arbiter.security.key-cache-ttl} so that a decision does not cost a database read; a key revoked on this
 * instance stops working at once, one revoked on another instance sharing the database within that time.
 * Thread-safe.
 */
@Service
public class ApiKeys {

    /** Client names: letters, digits and {@code . _ @ -} and spaces inside, at most 100 characters. */
    static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 ._@-]{0,98}[A-Za-z0-9._@-])?");

    /** Why one of the service's own actor names cannot be a key's client name. */
    static final String RESERVED = "is reserved for the service's own entries in the audit log ("
            + String.join(", ", ServiceActors.ALL) + ", in any case): choose another name";

    private static final String COLUMNS = "key_id, client_name, roles, created_at, created_by, revoked_at, revoked_by";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final long cacheTtlNanos;
    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();

    /** A key as checked: the hash to compare with and who it authenticates, as of {@code loadedAt} (nanoTime). */
    private record CachedKey(String secretHash, Caller caller, long loadedAt) {
    }

    ApiKeys(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.cacheTtlNanos = properties.keyCacheTtl().toNanos();
    }

    /**
     * Issues a key.
     *
     * @param createdBy who asks for it (a client name, or {@code cli}/{@code first-start}), for the record
     * @return the key; its secret is not kept and cannot be shown again
     * @throws InvalidClientNameException when the client name does not match {@link #CLIENT_NAME}, or is one of
     *                                    {@link ServiceActors} (in any case): the service's own names in the audit log
     * @throws IllegalArgumentException   when no role is given
     */
    public IssuedKey create(String clientName, Set<Role> roles, String createdBy) {
        if (clientName == null || !CLIENT_NAME.matcher(clientName).matches()) {
            throw new InvalidClientNameException("must be 1-100 letters, digits, spaces or . _ @ - "
                    + "(starting and ending with a letter or digit)");
        }
        if (ServiceActors.isReserved(clientName)) {
            throw new InvalidClientNameException(RESERVED);
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles must name at least one role");
        }
        ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO api_key (key_id, client_name, roles, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(generated.keyId(), clientName, rolesColumn(roles), generated.secretHash(),
                            now.atOffset(ZoneOffset.UTC), createdBy)
                    .update();
            audit.record(createdBy, "API_KEY_CREATE", generated.keyId(), details(clientName, roles));
        });
        return new IssuedKey(generated.keyId(), generated.key(), clientName, EnumSet.copyOf(roles), now, createdBy);
    }

    /** @return every key ever issued, newest first, without secrets */
    public List<ApiKeyView> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, key_id").query(ApiKeys::view).list();
    }

    /**
     * Revokes a key: it stops authenticating at once on this instance. Revoking a revoked key changes nothing.
     *
     * @param givenId the key id, with or without its {@code ak_} prefix
     * @return the key as it is now
     * @throws InvalidKeyIdException  when {@code givenId} is not a key id (a whole key, secret included, is not)
     * @throws UnknownApiKeyException when no key has that id
     */
    public ApiKeyView revoke(String givenId, String by) {
        String keyId = ApiKeySecrets.keyId(givenId);
        ApiKeyView revoked = transactions.execute(status -> {
            ApiKeyView key = find(keyId).orElseThrow(() -> new UnknownApiKeyException(keyId));
            if (!key.active()) {
                return key;
            }
            jdbc.sql("UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE key_id = ? AND revoked_at IS NULL")
                    .params(clock.instant().atOffset(ZoneOffset.UTC), by, keyId)
                    .update();
            audit.record(by, "API_KEY_REVOKE", keyId, details(key.clientName(), key.roles()));
            return find(keyId).orElseThrow();
        });
        cache.remove(keyId);
        return revoked;
    }

    /** @return true when no key was ever issued (the first start) */
    public boolean noneIssued() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single() == 0;
    }

    /**
     * @param presented the {@code X-API-Key} header as sent; may be null or garbage
     * @return who the key authenticates, or empty when it is malformed, unknown, revoked or wrong
     */
    public Optional<Caller> authenticate(String presented) {
        return ApiKeySecrets.parse(presented).flatMap(parsed -> {
            CachedKey key = cached(parsed.keyId());
            if (key == null || !ApiKeySecrets.matches(parsed.secret(), key.secretHash())) {
                return Optional.empty();
            }
            return Optional.of(key.caller());
        });
    }

    private CachedKey cached(String keyId) {
        long now = System.nanoTime();
        CachedKey cached = cache.get(keyId);
        if (cached != null && now - cached.loadedAt() < cacheTtlNanos) {
            return cached;
        }
        Optional<CachedKey> loaded = jdbc.sql("SELECT secret_hash, client_name, roles FROM api_key WHERE key_id = ? AND revoked_at IS NULL")
                .param(keyId)
                .query((rs, row) -> new CachedKey(rs.getString(1), new Caller(rs.getString(2), keyId, roles(rs.getString(3))), now))
                .optional();
        loaded.ifPresentOrElse(key -> cache.put(keyId, key), () -> cache.remove(keyId));
        return loaded.orElse(null);
    }

    private Optional<ApiKeyView> find(String keyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_id = ?").param(keyId).query(ApiKeys::view).optional();
    }

    private static ApiKeyView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject(6, OffsetDateTime.class);
        return new ApiKeyView(rs.getString(1), rs.getString(2), roles(rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString(7));
    }

    private static String rolesColumn(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String column) {
        return Arrays.stream(column.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Map<String, Object> details(String clientName, Set<Role> roles) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientName", clientName);
        details.put("roles", roles.stream().sorted().map(Role::name).toList());
        return details;
    }
}
