package dev.arbiter.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit without a database: which records the writer puts together into one batch, and what becomes of
 * records it cannot write. The sink holds its first batch until the test releases it, so that records queue up
 * behind it exactly as they do behind a slow commit.
 */
class GroupCommitWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Longer than any test waits for a commit: a batch held open this long would fail the test. */
    private static final Duration LONG_BATCH_WAIT = Duration.ofMinutes(5);

    private final HeldSink sink = new HeldSink();
    private GroupCommitWriter writer;

    @AfterEach
    void stopWriter() {
        sink.release();
        if (writer != null) {
            writer.close(WAIT);
        }
    }

    @Test
    void loneRecordIsWrittenAtOnceInABatchOfItsOwn() {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, sink);
        sink.release();

        writer.submit(record("d-1")).await(WAIT);

        assertThat(sink.batches()).containsExactly(List.of("d-1"));
    }

    @Test
    void recordAnnouncedBeforeTheBatchWasTakenJoinsItsCommit() {
        writer = GroupCommitWriter.start("test-writer", 256, LONG_BATCH_WAIT, sink);
        sink.release();
        GroupCommitWriter.Announcement deciding = writer.announce();
        PendingTrace first = writer.submit(record("d-1"));

        PendingTrace announced = deciding.submit(record("d-2"));

        awaitAll(first, List.of(announced));
        assertThat(sink.batches()).containsExactly(List.of("d-1", "d-2"));
    }

    @Test
    void withdrawnAnnouncementLetsTheBatchCommitWithoutWaitingOutTheBatchWait() {
        writer = GroupCommitWriter.start("test-writer", 256, LONG_BATCH_WAIT, sink);
        sink.release();
        GroupCommitWriter.Announcement failing = writer.announce();
        PendingTrace first = writer.submit(record("d-1"));

        failing.close();

        first.await(WAIT);
        assertThat(sink.batches()).containsExactly(List.of("d-1"));
    }

    @Test
    void announcedRecordThatNeverComesHoldsTheBatchNoLongerThanTheBatchWait() {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ofMillis(50), sink);
        sink.release();
        writer.announce();

        writer.submit(record("d-1")).await(WAIT);

        assertThat(sink.batches()).containsExactly(List.of("d-1"));
    }

    @Test
    void loneAnnouncedRecordIsWrittenWithoutWaiting() {
        writer = GroupCommitWriter.start("test-writer", 256, LONG_BATCH_WAIT, sink);
        sink.release();

        try (GroupCommitWriter.Announcement deciding = writer.announce()) {
            deciding.submit(record("d-1")).await(WAIT);
        }

        assertThat(sink.batches()).containsExactly(List.of("d-1"));
    }

    @Test
    void recordsQueuedWhileABatchIsWrittenFormTheNextBatchInQueueOrder() throws Exception {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, sink);
        PendingTrace first = writer.submit(record("d-0"));
        sink.awaitHeld();
        List<PendingTrace> queued = submit("d-1", "d-2", "d-3", "d-4", "d-5");

        sink.release();

        awaitAll(first, queued);
        assertThat(sink.batches()).containsExactly(List.of("d-0"), List.of("d-1", "d-2", "d-3", "d-4", "d-5"));
    }

    @Test
    void batchHoldsAtMostMaxBatchRecords() throws Exception {
        writer = GroupCommitWriter.start("test-writer", 3, Duration.ZERO, sink);
        PendingTrace first = writer.submit(record("d-0"));
        sink.awaitHeld();
        List<PendingTrace> queued = submit("d-1", "d-2", "d-3", "d-4", "d-5", "d-6", "d-7");

        sink.release();

        awaitAll(first, queued);
        assertThat(sink.batches()).containsExactly(List.of("d-0"), List.of("d-1", "d-2", "d-3"),
                List.of("d-4", "d-5", "d-6"), List.of("d-7"));
    }

    @Test
    void secondRecordOfAClientWithTheSameRequestIdWaitsForTheFollowingBatch() throws Exception {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, sink);
        PendingTrace first = writer.submit(record("d-0"));
        sink.awaitHeld();
        List<PendingTrace> queued = List.of(
                writer.submit(record("d-1", "client-a", "req-1")),
                writer.submit(record("d-2", "client-a", "req-1")),
                writer.submit(record("d-3", "client-b", "req-1")),
                writer.submit(record("d-4", "client-a", "req-1")),
                writer.submit(record("d-5")));

        sink.release();

        awaitAll(first, queued);
        assertThat(sink.batches()).containsExactly(List.of("d-0"), List.of("d-1", "d-3", "d-5"), List.of("d-2"),
                List.of("d-4"));
    }

    @Test
    void recordAbandonedBeforeTheWriterTookItIsNeverWritten() throws Exception {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, sink);
        PendingTrace first = writer.submit(record("d-0"));
        sink.awaitHeld();
        PendingTrace abandoned = writer.submit(record("d-1"));

        assertThatThrownBy(() -> abandoned.await(Duration.ofMillis(1))).isInstanceOf(TraceUnavailableException.class)
                .hasMessageContaining("busy");
        sink.release();
        first.await(WAIT);
        writer.submit(record("d-2")).await(WAIT);

        assertThat(sink.batches()).containsExactly(List.of("d-0"), List.of("d-2"));
    }

    @Test
    void failingSinkFailsItsBatchAndTheWriterGoesOn() {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, batch -> {
            if (batch.get(0).record().decisionId().equals("d-broken")) {
                throw new IllegalStateException("disk on fire");
            }
            batch.forEach(PendingTrace::committed);
        });

        assertThatThrownBy(() -> writer.submit(record("d-broken")).await(WAIT)).isInstanceOf(TraceUnavailableException.class)
                .hasRootCauseMessage("disk on fire");
        writer.submit(record("d-1")).await(WAIT);
    }

    @Test
    void recordTheSinkLeftIncompleteFails() {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, batch -> { });

        assertThatThrownBy(() -> writer.submit(record("d-1")).await(WAIT)).isInstanceOf(TraceUnavailableException.class);
    }

    @Test
    void closeWritesWhatIsQueuedAndThenRefusesNewRecords() throws Exception {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, sink);
        PendingTrace first = writer.submit(record("d-0"));
        sink.awaitHeld();
        List<PendingTrace> queued = submit("d-1", "d-2");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> writer.close(WAIT));
        sink.release();
        closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        awaitAll(first, queued);
        assertThat(sink.batches()).containsExactly(List.of("d-0"), List.of("d-1", "d-2"));
        assertThatThrownBy(() -> writer.submit(record("d-3"))).isInstanceOf(TraceUnavailableException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void closeFailsTheRecordsItCannotWriteInTime() throws Exception {
        writer = GroupCommitWriter.start("test-writer", 256, Duration.ZERO, sink);
        PendingTrace stuck = writer.submit(record("d-0"));
        sink.awaitHeld();
        PendingTrace queued = writer.submit(record("d-1"));

        writer.close(Duration.ofMillis(50));

        assertThatThrownBy(() -> queued.await(WAIT)).isInstanceOf(TraceUnavailableException.class)
                .hasMessageContaining("shutting down");
        assertThatThrownBy(() -> stuck.await(WAIT)).as("the held batch was interrupted")
                .isInstanceOf(TraceUnavailableException.class);
        assertThat(sink.batches()).isEmpty();
    }

    // --- fixtures ---

    private List<PendingTrace> submit(String... decisionIds) {
        List<PendingTrace> submitted = new ArrayList<>();
        for (String decisionId : decisionIds) {
            submitted.add(writer.submit(record(decisionId)));
        }
        return submitted;
    }

    private static void awaitAll(PendingTrace first, List<PendingTrace> more) {
        first.await(WAIT);
        more.forEach(pending -> pending.await(WAIT));
    }

    private static TraceRecord record(String decisionId) {
        return record(decisionId, "client-a", null);
    }

    private static TraceRecord record(String decisionId, String clientName, String requestId) {
        return new TraceRecord(decisionId, requestId, clientName, "hash", "c-1", "CHAT", "RETAIL", "AUTOMATE", "v1",
                Instant.parse("2026-11-21T10:00:00Z"), List.of("AUTOMATION_APPROVED"), "{}", "{}");
    }

    /**
     * Commits every batch and records its decision ids; the first batch waits until {@link #release} (a slow
     * commit, during which records queue up). A batch interrupted while it waits fails.
     */
    private static final class HeldSink implements GroupCommitWriter.BatchSink {

        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<List<String>> batches = new CopyOnWriteArrayList<>();

        @Override
        public void write(List<PendingTrace> batch) {
            held.countDown();
            try {
                if (!released.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the sink");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held", e);
            }
            batches.add(batch.stream().map(pending -> pending.record().decisionId()).toList());
            batch.forEach(PendingTrace::committed);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the writer took the first record").isTrue();
        }

        void release() {
            released.countDown();
        }

        List<List<String>> batches() {
            return batches;
        }
    }
}
