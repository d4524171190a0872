package dev.arbiter.trace;

/** Another decision with the same request id was stored first. */
public class DuplicateRequestException extends RuntimeException {
    public DuplicateRequestException(String requestId, Throwable cause) {
        super("A decision for request id " + requestId + " is already stored", cause);
    }
}
