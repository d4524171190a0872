package dev.arbiter.decision;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Time-ordered decision ids (UUID version 7), so newer decisions sort and index after older ones. Thread-safe. */
final class DecisionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DecisionIds() {
    }

    static String next(Instant now) {
        long millis = now.toEpochMilli();
        long randomA = RANDOM.nextInt(1 << 12);
        long high = (millis << 16) | (0x7L << 12) | randomA;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
