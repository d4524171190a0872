package dev.arbiter.trace;

/** The trace could not be written, so the decision must not be returned. */
public class TraceUnavailableException extends RuntimeException {
    public TraceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
