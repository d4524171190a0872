package dev.arbiter.scenario;

/** A scenario file cannot be read as scenarios. */
public class ScenarioFormatException extends RuntimeException {
    public ScenarioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
