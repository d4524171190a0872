package dev.arbiter.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class H2CompactionTest {

    private static final int ROWS = 1_500;

    @TempDir
    Path dir;

    private H2Compaction compaction;

    @AfterEach
    void stop() throws InterruptedException {
        if (compaction != null) {
            compaction.destroy();
        }
    }

    @Test
    void rowsCommittedOneByOneLeaveTheFileMostlyDeadUntilAPassRewritesIt() throws SQLException {
        JdbcDataSource database = fileDatabaseWithoutRetention();
        compaction = new H2Compaction(database, manualPassesOnly());
        try (Connection connection = database.getConnection()) {
            createTraceLikeTable(connection);
            insertOneRowPerCommit(connection, 0, ROWS);
            int before = compaction.chunksFillRate();

            runPassesUntilNothingIsLeftToRewrite();

            assertThat(before).isLessThan(30);
            assertThat(compaction.chunksFillRate()).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void spaceFreedByAPassIsReusedByLaterCommits() throws SQLException {
        JdbcDataSource database = fileDatabaseWithoutRetention();
        compaction = new H2Compaction(database, manualPassesOnly());
        try (Connection connection = database.getConnection()) {
            createTraceLikeTable(connection);
            insertOneRowPerCommit(connection, 0, ROWS);
            long afterFirstRows = fileSize();
            runPassesUntilNothingIsLeftToRewrite();

            insertOneRowPerCommit(connection, ROWS, ROWS);

            assertThat(fileSize()).isLessThan(afterFirstRows * 3 / 2);
        }
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:compaction-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

        compaction = new H2Compaction(database, manualPassesOnly());

        assertThat(compaction.active()).isFalse();
        assertThat(compaction.pass()).isFalse();
    }

    @Test
    void anIntervalOfZeroTurnsCompactionOff() {
        compaction = new H2Compaction(fileDatabaseWithoutRetention(),
                new H2CompactionProperties(Duration.ZERO, 50, DataSize.ofMegabytes(16)));

        assertThat(compaction.active()).isFalse();
    }

    @Test
    void aFillRateOrIntervalOutOfRangeIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new H2CompactionProperties(Duration.ofSeconds(1), 100, DataSize.ofMegabytes(16)))
                .hasMessageContaining("arbiter.traces.h2-compaction.fill-rate");
        assertThatThrownBy(() -> new H2CompactionProperties(Duration.ofSeconds(-1), 50, DataSize.ofMegabytes(16)))
                .hasMessageContaining("arbiter.traces.h2-compaction.interval");
        assertThatThrownBy(() -> new H2CompactionProperties(Duration.ofNanos(500_000), 50, DataSize.ofMegabytes(16)))
                .hasMessageContaining("arbiter.traces.h2-compaction.interval");
    }

    /** An interval far beyond the test, so that only the test's own passes run. */
    private static H2CompactionProperties manualPassesOnly() {
        return new H2CompactionProperties(Duration.ofDays(1), 50, DataSize.ofMegabytes(16));
    }

    /** The service's settings (WRITE_DELAY=0: a chunk per commit) but no retention time, so chunks are rewritable at once. */
    private JdbcDataSource fileDatabaseWithoutRetention() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dir.resolve("traces") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0");
        return database;
    }

    private static void createTraceLikeTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table trace (id varchar(36) primary key, customer varchar(64) not null, "
                    + "decided_at timestamp not null, body varchar(100000) not null)");
            statement.execute("create index ix_trace_customer on trace (customer, decided_at)");
        }
    }

    private static void insertOneRowPerCommit(Connection connection, int first, int count) throws SQLException {
        String body = "{\"trace\":\"" + "x".repeat(2_000) + "\"}";
        try (PreparedStatement insert = connection.prepareStatement("insert into trace values (?, ?, current_timestamp, ?)")) {
            for (int i = first; i < first + count; i++) {
                insert.setString(1, "d-%08d".formatted(i));
                insert.setString(2, "c-" + (i * 7919 % 997));
                insert.setString(3, body);
                insert.executeUpdate();
            }
        }
    }

    private void runPassesUntilNothingIsLeftToRewrite() {
        for (int pass = 0; pass < 100 && compaction.pass(); pass++) {
            // each pass re-writes at most the write limit
        }
    }

    private long fileSize() {
        try {
            return Files.size(dir.resolve("traces.mv.db"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
