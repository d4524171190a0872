package dev.arbiter.security;

/** What a client may do. A key carries one or more roles; {@link #ADMIN} may do everything. */
public enum Role {
    /** Asks for decisions and reads the decisions it asked for. */
    DECISION_CLIENT,
    /** Validates, tests, activates and rolls back policy versions. */
    POLICY_OWNER,
    /** Searches and reads traces, verifies the chain, replays, explains, exports, reads the audit log. */
    COMPLIANCE_REVIEWER,
    /** Pauses and resumes automation (the kill switch). */
    OPERATOR,
    /** Manages API keys, purges traces, and may do everything the other roles may. */
    ADMIN;

    /** @return the Spring Security authority of this role ({@code ROLE_} prefix) */
    String authority() {
        return "ROLE_" + name();
    }
}
