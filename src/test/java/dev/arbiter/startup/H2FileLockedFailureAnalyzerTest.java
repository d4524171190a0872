package dev.arbiter.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;

/** A second process on the same H2 file is told so, with what to do, instead of a stack trace. */
class H2FileLockedFailureAnalyzerTest {

    private static final String DATABASE_FILE = "/srv/arbiter/data/arbiter.mv.db";

    private final H2FileLockedFailureAnalyzer analyzer = new H2FileLockedFailureAnalyzer(
            new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/arbiter;WRITE_DELAY=0"));

    @Test
    void aLockedDatabaseFileIsReportedAsAnotherInstanceOnTheSameDataFolder() {
        SQLException locked = DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1,
                new IllegalStateException("The file is locked: " + DATABASE_FILE + " [2.4.240/7]"), DATABASE_FILE).getSQLException();

        FailureAnalysis analysis = analyzer.analyze(asLiquibaseFailsAtStartUp(locked));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("The H2 database file " + DATABASE_FILE + " is locked")
                .contains("another instance of this service");
        assertThat(analysis.getAction()).contains("Stop the other instance").contains("--spring.datasource.url=jdbc:h2:file:");
        assertThat(analysis.getCause()).isSameAs(locked);
    }

    @Test
    void otherDatabaseErrorsAreLeftToSpringBoot() {
        SQLException corrupt = DbException.get(ErrorCode.FILE_CORRUPTED_1, DATABASE_FILE).getSQLException();

        assertThat(analyzer.analyze(asLiquibaseFailsAtStartUp(corrupt))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("no database here"))).isNull();
    }

    /** The chain the service's start-up has: bean creation, Liquibase, the driver's exception. */
    static Throwable asLiquibaseFailsAtStartUp(SQLException driver) {
        return new BeanCreationException("auditLog", "Unsatisfied dependency expressed through constructor parameter 0",
                new BeanCreationException("liquibase", "Failed to initialize",
                        new LiquibaseException(new DatabaseException(driver))));
    }
}
