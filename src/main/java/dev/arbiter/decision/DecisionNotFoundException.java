package dev.arbiter.decision;

/** No decision is stored under the id asked for. */
public class DecisionNotFoundException extends RuntimeException {
    public DecisionNotFoundException(String decisionId) {
        super("No decision " + decisionId);
    }
}
