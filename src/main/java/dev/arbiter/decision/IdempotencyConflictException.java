package dev.arbiter.decision;

/** A request reused an idempotency key with a different body. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String requestId) {
        super("Request id " + requestId + " was already used for a different request");
    }
}
