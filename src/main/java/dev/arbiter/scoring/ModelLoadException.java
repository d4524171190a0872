package dev.arbiter.scoring;

/** A model file exists but cannot be used: unreadable, of the wrong kind, or not matching its settings. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
