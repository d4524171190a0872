package dev.arbiter.policy;

/** Thrown when a valid bundle fails while evaluating a decision (a FEEL error, a rule consequence throwing). */
public class PolicyEvaluationException extends RuntimeException {
    public PolicyEvaluationException(String message) {
        super(message);
    }

    public PolicyEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
