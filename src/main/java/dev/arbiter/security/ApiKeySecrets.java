package dev.arbiter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The format of API keys: {@code ak_<key id>_<secret>}, a 12-character public id (lower-case hex) to find the key
 * and a 32-byte random secret (base64url). Only the SHA-256 of the secret is stored: the secret has 256 bits of
 * entropy, so a fast hash cannot be brute-forced, and checking a key costs about a microsecond. Thread-safe.
 */
final class ApiKeySecrets {

    private static final Pattern FORMAT = Pattern.compile("ak_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final String PREFIX = "ak_";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{12}");
    /** A key id written as it appears in the key, with the prefix but nothing after it: no secret. */
    private static final Pattern PREFIXED_KEY_ID = Pattern.compile("ak_[0-9a-f]{12}");
    /** A key id followed by (part of) a secret: what must never be repeated back. */
    private static final Pattern WITH_SECRET = Pattern.compile("ak_([0-9a-f]{12})_[A-Za-z0-9_-]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key split into its public id and its secret. */
    record Parsed(String keyId, String secret) {
    }

    /** A freshly generated key: the whole key (shown once) and what is stored of it. */
    record Generated(String keyId, String key, String secretHash) {
    }

    private ApiKeySecrets() {
    }

    static Generated generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(keyId, "ak_" + keyId + "_" + encoded, hash(encoded));
    }

    /** @return the key's parts, or empty when {@code presented} is not in the key format (null is not) */
    static Optional<Parsed> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(presented);
        return matcher.matches() ? Optional.of(new Parsed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /**
     * Reads what a caller gave as a key id: 12 lower-case hex digits, or the same written with its {@code ak_}
     * prefix ({@code ak_1f9c0d2e7a4b}), which is still only the public id. A value with anything after the id
     * ({@code ak_<id>_<secret>}) is a whole key. The messages never repeat the value: it may be a secret.
     *
     * @return the key id, without the prefix
     * @throws InvalidKeyIdException when {@code candidate} is neither, with a message that says so, and says so
     *                               plainly when it is a whole key, secret included
     */
    static String keyId(String candidate) {
        if (candidate != null && KEY_ID.matcher(candidate).matches()) {
            return candidate;
        }
        if (candidate != null && PREFIXED_KEY_ID.matcher(candidate).matches()) {
            return candidate.substring(PREFIX.length());
        }
        if (candidate != null && WITH_SECRET.matcher(candidate).lookingAt()) {
            throw new InvalidKeyIdException("is a whole API key, secret included: send the key id alone (the 12 hex "
                    + "digits after ak_, e.g. 1f9c0d2e7a4b), never the secret. A key sent in a URL may be kept in "
                    + "proxy and browser logs: revoke it and issue a new one");
        }
        throw new InvalidKeyIdException("must be a key id: 12 lower-case hex digits, e.g. 1f9c0d2e7a4b "
                + "(ak_1f9c0d2e7a4b is taken too)");
    }

    /** @return {@code text} with the secret of every key in it replaced by {@code REDACTED}, the key id kept */
    static String withoutSecrets(String text) {
        return text == null ? null : WITH_SECRET.matcher(text).replaceAll("ak_$1_REDACTED");
    }

    /** @return the hex SHA-256 of the secret, as stored */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** @return true when the secret hashes to {@code storedHash}, compared in constant time */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
