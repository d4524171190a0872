package dev.arbiter.startup;

import static dev.arbiter.startup.H2FileLockedFailureAnalyzerTest.asLiquibaseFailsAtStartUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** PostgreSQL refusing the password, missing the database or not answering is told apart, with what to check. */
class PostgresConnectionFailureAnalyzerTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/arbiter";
    private static final String PASSWORD = "s3cret-in-the-url";

    private final PostgresConnectionFailureAnalyzer analyzer = new PostgresConnectionFailureAnalyzer(postgresProfile());

    @Test
    void aWrongPasswordPointsAtTheDatabaseCredentials() {
        FailureAnalysis analysis = analyze(fromServer("28P01", "password authentication failed for user \"arbiter\""));

        assertThat(analysis.getDescription()).contains("PostgreSQL at " + URL + " refused user arbiter")
                .contains("password authentication failed");
        assertThat(analysis.getAction()).contains("ARBITER_DB_PASSWORD").contains("ARBITER_DB_USER");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(PASSWORD);
    }

    @Test
    void anUnreachableServerPointsAtTheUrl() {
        FailureAnalysis analysis = analyze(new PSQLException("Connection to db.internal:5432 refused. Check that the hostname "
                + "and port are correct and that the postmaster is accepting TCP/IP connections.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused")));

        assertThat(analysis.getDescription()).contains("Cannot connect to PostgreSQL at " + URL).contains("refused");
        assertThat(analysis.getAction()).contains("Check that PostgreSQL runs at " + URL).contains("ARBITER_DB_URL");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingDatabaseSaysToCreateIt() {
        FailureAnalysis analysis = analyze(fromServer("3D000", "database \"arbiter\" does not exist"));

        assertThat(analysis.getDescription()).contains("does not exist");
        assertThat(analysis.getAction()).contains("CREATE DATABASE").contains("OWNER arbiter");
    }

    @Test
    void aPostgresUrlGivenWithoutThePostgresProfileSaysToStartWithIt() {
        MockEnvironment urlAlone = new MockEnvironment().withProperty("spring.datasource.url", URL)
                .withProperty("spring.datasource.username", "sa");
        PSQLException noPassword = new PSQLException("The server requested SCRAM-based authentication, but no password was "
                + "provided.", PSQLState.CONNECTION_REJECTED);

        FailureAnalysis analysis = new PostgresConnectionFailureAnalyzer(urlAlone).analyze(asLiquibaseFailsAtStartUp(noPassword));

        assertThat(analysis.getDescription()).contains("refused user sa").contains("no password was provided");
        assertThat(analysis.getAction()).contains("The postgres profile is not active: start with --spring.profiles.active=postgres");
        assertThat(analyze(noPassword).getAction()).as("with the profile active").doesNotContain("profile is not active");
    }

    @Test
    void otherErrorsAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(asLiquibaseFailsAtStartUp(fromServer("42P01", "relation \"api_key\" does not exist"))))
                .isNull();
        assertThat(analyzer.analyze(asLiquibaseFailsAtStartUp(new SQLException("another driver", "28000")))).isNull();
    }

    private FailureAnalysis analyze(SQLException driver) {
        FailureAnalysis analysis = analyzer.analyze(asLiquibaseFailsAtStartUp(driver));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getCause()).isSameAs(driver);
        return analysis;
    }

    /** The environment of a start with the postgres profile, whose URL carries a password parameter. */
    private static MockEnvironment postgresProfile() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", URL + "?password=" + PASSWORD + "&ssl=true")
                .withProperty("spring.datasource.username", "arbiter")
                .withProperty("spring.datasource.password", PASSWORD);
        environment.setActiveProfiles("postgres");
        return environment;
    }

    /** An error as the server sends it (severity, SQL state, message), which the driver throws as it is. */
    private static PSQLException fromServer(String sqlState, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0C" + sqlState + "\0M" + message + "\0"));
    }
}
