package dev.arbiter.web;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * A database the service cannot reach (down, unreachable, no connection within the pool's timeout) as the API
 * answers it: {@code 503} with {@code Retry-After}, never a 500. Other data-access failures (a broken constraint, bad
 * SQL) are not outages and stay the service's own failures. Stateless.
 */
public final class DatabaseOutage {

    /** The problem type's last segment. */
    public static final String TYPE = "database-unavailable";
    public static final String TITLE = "Database unavailable";
    /** How long a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** @return whether {@code e} says the database could not be reached, rather than that a statement failed */
    public static boolean is(DataAccessException e) {
        return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException;
    }
}
