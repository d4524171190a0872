package dev.arbiter.security;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled at {@code perSecond}; each request takes one.
 * Thread-safe (synchronised; contention is per client).
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long updatedAt;

    TokenBucket(double perSecond, int capacity, long now) {
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.capacity = Math.max(1, capacity);
        this.tokens = this.capacity;
        this.updatedAt = now;
    }

    /**
     * Takes a token if one is there.
     *
     * @param now {@link System#nanoTime()}
     * @return 0 when a token was taken, otherwise the nanoseconds until one will be there
     */
    synchronized long take(long now) {
        // Callers read the clock before taking the lock, so an older reading may arrive after a newer one: it refills nothing.
        tokens = Math.min(capacity, tokens + Math.max(0, now - updatedAt) * perNano);
        updatedAt = Math.max(updatedAt, now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
