package dev.arbiter.startup;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL could not be used at start-up, told apart by the SQL state the driver reports: the server refused the
 * user or password ({@code 28...}, or {@code 08004} when no password was given), the database does not exist
 * ({@code 3D000}), or no server answered at the configured address (other {@code 08...}: refused, unknown host, timed
 * out). Other PostgreSQL errors are left to Spring Boot. When the {@code postgres} profile is not active (a PostgreSQL
 * URL given alone), the action says so: the profile is what reads the user and password from the environment. The
 * URL is shown without its parameters, which may hold a password; the password is never shown.
 */
class PostgresConnectionFailureAnalyzer implements FailureAnalyzer {

    private static final String DRIVER_PACKAGE = "org.postgresql.";
    /** The server rejected the connection before any query: the driver's state when it had no password to send. */
    private static final String REJECTED = "08004";
    private static final String PROFILE = "postgres";

    private final Environment environment;

    PostgresConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SQLException postgres = Causes.find(failure, SQLException.class,
                e -> e.getClass().getName().startsWith(DRIVER_PACKAGE) && e.getSQLState() != null).orElse(null);
        if (postgres == null) {
            return null;
        }
        String url = Causes.databaseUrl(environment);
        String user = environment.getProperty("spring.datasource.username", "(none)");
        String state = postgres.getSQLState();
        if (state.startsWith("28") || state.equals(REJECTED)) {
            return new FailureAnalysis("PostgreSQL at " + url + " refused user " + user + ": " + postgres.getMessage(),
                    "Check ARBITER_DB_PASSWORD and ARBITER_DB_USER (with the postgres profile they set spring.datasource.password "
                            + "and spring.datasource.username): they must be the password and user of a PostgreSQL role "
                            + "allowed to log in to that database." + profileHint(), postgres);
        }
        if (state.equals("3D000")) {
            return new FailureAnalysis("The database in " + url + " does not exist on that PostgreSQL server: "
                    + postgres.getMessage(),
                    "Create it (CREATE DATABASE <name> OWNER " + user + "; the service creates its tables on the first start) "
                            + "or name an existing one in ARBITER_DB_URL." + profileHint(), postgres);
        }
        if (state.startsWith("08")) {
            return new FailureAnalysis("Cannot connect to PostgreSQL at " + url + ": " + postgres.getMessage(),
                    "Check that PostgreSQL runs at " + url + " and accepts TCP/IP connections from this host, and that "
                            + "ARBITER_DB_URL (spring.datasource.url) names the right host, port and database." + profileHint(),
                    postgres);
        }
        return null;
    }

    private String profileHint() {
        return environment.matchesProfiles(PROFILE) ? ""
                : " The postgres profile is not active: start with --spring.profiles.active=postgres, which reads "
                        + "ARBITER_DB_URL, ARBITER_DB_USER and ARBITER_DB_PASSWORD from the environment.";
    }
}
