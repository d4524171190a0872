package dev.arbiter.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database file from growing without bound while traces are written. With {@code WRITE_DELAY=0}
 * every commit writes a new chunk of every page it changed, and a chunk's space is reused only once nothing in it is
 * live any more; since each chunk also holds a few pages that stay (the new rows), H2 would keep almost all of them
 * (measured: 7 % of the chunks' content live, ~90 KB of file per decision committed alone). H2 re-writes such chunks
 * only in its background thread, which it does not start with {@code WRITE_DELAY=0}; so here a pass runs every
 * {@link H2CompactionProperties#interval()}: it re-writes the live pages of chunks whose live share is at most
 * {@link H2CompactionProperties#fillRate()} and older than H2's retention time (45 s unless the JDBC URL sets
 * {@code RETENTION_TIME}), so their space is reused. Does nothing on another database (PostgreSQL, H2 over TCP) or
 * an in-memory one. Passes run on one daemon thread, each on a connection of its own; they are safe alongside
 * commits, which wait while a pass holds H2's store lock — hence small passes ({@code write-limit}).
 */
@Component
class H2Compaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final H2CompactionProperties properties;
    private final boolean active;
    private final ScheduledExecutorService schedule;

    H2Compaction(DataSource dataSource, H2CompactionProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.active = properties.enabled() && withStore(store -> true).orElse(false);
        if (!active) {
            this.schedule = null;
            return;
        }
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.interval().toMillis();
        schedule.scheduleWithFixedDelay(this::passQuietly, millis, millis, TimeUnit.MILLISECONDS);
        log.info("Compacting the H2 database file every {} ms (chunks at most {} % live)", millis,
                properties.fillRate());
    }

    /**
     * Applies {@code action} to the store of the embedded H2 file database behind the data source, holding one of its
     * connections meanwhile (so the database stays open).
     *
     * @return what {@code action} gave, or empty when the database is not an embedded H2 file one or cannot be reached
     */
    private <T> Optional<T> withStore(Function<MVStore, T> action) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return Optional.empty();
            }
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local)) {
                return Optional.empty();
            }
            Store store = local.getDatabase().getStore();
            if (store == null || store.getMvStore().getFileStore() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(action.apply(store.getMvStore()));
        } catch (SQLException e) {
            log.debug("Cannot reach the database to compact its file: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** @return whether this service compacts an embedded H2 database file */
    boolean active() {
        return active;
    }

    /**
     * Runs one compaction pass now.
     *
     * @return whether any chunk was re-written (false when there is nothing to compact, or no embedded H2 store)
     * @throws MVStoreException when H2 fails
     */
    boolean pass() {
        return active && withStore(this::compact).orElse(false);
    }

    /**
     * Re-writes the live pages of sparse chunks and stores them at once (as H2's own background housekeeping does),
     * so that the old chunks are freed even when no trace is committed after the pass.
     */
    private boolean compact(MVStore store) {
        boolean rewritten = store.compact(properties.fillRate(), (int) properties.writeLimit().toBytes());
        if (rewritten) {
            store.commit();
        }
        return rewritten;
    }

    /** @return the share of the H2 file's chunks that is live, in percent (100 without an embedded H2 store) */
    int chunksFillRate() {
        return withStore(store -> store.getFileStore().getChunksFillRate()).orElse(100);
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) { // an escaping exception would cancel every later pass
            log.warn("H2 compaction pass failed; the next one retries: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
