package dev.arbiter.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Something wrong (or suspicious) in a policy file, located as precisely as the engine allows.
 *
 * @param file     the policy file, relative to the policy root (e.g. {@code rules/escalation.drl})
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param element  the DMN element id or DRL rule name concerned, or null
 * @param severity ERROR (the bundle cannot be used) or WARNING
 * @param message  what is wrong, in the policy owner's words
 */
public record PolicyProblem(String file, int line, int column, String element, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    static PolicyProblem error(String file, int line, int column, String element, String message) {
        return new PolicyProblem(file, line, column, element, Severity.ERROR, message);
    }

    static PolicyProblem error(String file, String message) {
        return error(file, 0, 0, null, message);
    }

    static PolicyProblem warning(String file, String element, String message) {
        return new PolicyProblem(file, 0, 0, element, Severity.WARNING, message);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        if (element != null) {
            where.append(" [").append(element).append(']');
        }
        return severity + " " + where + ": " + message;
    }
}
