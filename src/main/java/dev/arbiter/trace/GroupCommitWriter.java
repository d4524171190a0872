package dev.arbiter.trace;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: request threads queue their records ({@link #submit}), one writer thread takes whatever is queued, up
 * to {@code maxBatch} records in queue order, and hands them to the {@link BatchSink} as one batch (one transaction),
 * then takes the next batch. A lone record is taken the moment it is queued (no timer, no added latency); under load
 * the records that queue up while a batch is being written form the next batch.
 * <p>
 * Records can be announced ahead ({@link #announce}) by a request that is still deciding. When the queue is empty but
 * announced records are on their way, the writer waits for them, up to {@code batchWait} after it took the batch's
 * first record, so that they share its commit instead of each paying a commit of their own. Nothing announced, no
 * wait: an idle service still writes a lone record at once.
 * <p>
 * A batch never holds two records with the same {@link PendingTrace#requestKey() request key}: the later one waits
 * for the following batch, where the first one is already stored and it is refused as a duplicate (or, if the
 * first one failed, stored). Records abandoned by their request thread before they were taken are skipped.
 * <p>
 * {@link #close} stops accepting records, lets the writer finish what is queued, and fails whatever it could not
 * finish in time. Thread-safe.
 */
final class GroupCommitWriter {

    /** Writes one batch. Called by the writer thread only, one batch at a time. */
    @FunctionalInterface
    interface BatchSink {

        /**
         * Stores the records of {@code batch} (taken, distinct request keys, in queue order) and completes every one
         * of them, committed or failed. A record left incomplete, or an exception thrown, fails the records left.
         */
        void write(List<PendingTrace> batch);
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Queued by {@link #close} after the last record: the writer stops once it takes it. */
    private static final PendingTrace END = new PendingTrace(null);

    /** Queued when the last announcement ends, to end the writer's wait for announced records; skipped. */
    private static final PendingTrace WAKE = new PendingTrace(null);

    private final int maxBatch;
    private final long batchWaitNanos;
    private final BatchSink sink;
    /** Records announced and neither submitted nor withdrawn yet. */
    private final AtomicInteger announced = new AtomicInteger();
    /** Whether the writer is (about to be) waiting for announced records. */
    private volatile boolean writerWaiting;
    private final BlockingQueue<PendingTrace> queue = new LinkedBlockingQueue<>();
    private final Object submissions = new Object();
    private final Thread writer;

    /** Guarded by {@link #submissions}: once true, nothing more is queued (so {@link #END} stays last). */
    private boolean closed;

    /** Records held back from a batch that already had their request key; writer thread only. */
    private final Deque<PendingTrace> heldBack = new ArrayDeque<>();

    private GroupCommitWriter(String threadName, int maxBatch, Duration batchWait, BatchSink sink) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("A batch holds at least one record, not " + maxBatch);
        }
        if (batchWait.isNegative()) {
            throw new IllegalArgumentException("The batch wait must not be negative, not " + batchWait);
        }
        this.maxBatch = maxBatch;
        this.batchWaitNanos = batchWait.toNanos();
        this.sink = sink;
        this.writer = new Thread(this::run, threadName);
        this.writer.setDaemon(true);
    }

    /**
     * @param batchWait how long the writer waits, after taking a batch's first record, for announced records to join
     *                  the batch; zero never waits
     * @return a writer whose thread (named {@code threadName}) is running
     */
    static GroupCommitWriter start(String threadName, int maxBatch, Duration batchWait, BatchSink sink) {
        GroupCommitWriter started = new GroupCommitWriter(threadName, maxBatch, batchWait, sink);
        started.writer.start();
        return started;
    }

    /**
     * Queues {@code record} for the next batch; returns at once. Wait for its commit with
     * {@link PendingTrace#await}.
     *
     * @throws TraceUnavailableException when the writer is closed
     */
    PendingTrace submit(TraceRecord record) {
        PendingTrace pending = new PendingTrace(record);
        synchronized (submissions) {
            if (closed) {
                throw new TraceUnavailableException("The decision trace store is shutting down", null);
            }
            queue.add(pending);
        }
        return pending;
    }

    /**
     * Announces a record that will be submitted soon, through the returned announcement (or withdrawn by closing it).
     * Never blocks.
     */
    Announcement announce() {
        announced.incrementAndGet();
        return new Announcement();
    }

    /** @return how many records are queued and not yet taken by the writer (a snapshot, for tests) */
    int queued() {
        return (int) queue.stream().filter(pending -> pending != WAKE && pending != END).count();
    }

    /**
     * Stops accepting records; the writer writes what is queued, for at most {@code drainTime}, then stops. Records it
     * did not take by then fail with {@link TraceUnavailableException}. Idempotent.
     */
    void close(Duration drainTime) {
        synchronized (submissions) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(END);
        }
        try {
            writer.join(drainTime.toMillis());
            if (writer.isAlive()) {
                log.warn("The trace writer did not finish the queued traces within {}; failing the rest", drainTime);
                writer.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.interrupt();
        }
        failQueued();
    }

    private void run() {
        try {
            boolean open = true;
            while (open || !heldBack.isEmpty()) {
                List<PendingTrace> batch = new ArrayList<>(Math.min(maxBatch, 64));
                Set<String> requestKeys = new HashSet<>();
                addHeldBack(batch, requestKeys);
                if (batch.isEmpty() && open) {
                    open = add(queue.take(), batch, requestKeys);
                }
                long waitUntil = System.nanoTime() + batchWaitNanos;
                while (open && batch.size() < maxBatch) {
                    PendingTrace next = queue.poll();
                    if (next == null) {
                        next = awaitAnnounced(waitUntil);
                    }
                    if (next == null) {
                        break;
                    }
                    open = add(next, batch, requestKeys);
                }
                write(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (submissions) {
                closed = true;
            }
            failQueued();
        }
    }

    /** @return the next queued record, waiting until {@code waitUntil} while records are announced; null if none came */
    private PendingTrace awaitAnnounced(long waitUntil) throws InterruptedException {
        writerWaiting = true; // set before reading the count: an announcement ending meanwhile sees it and wakes us
        try {
            long left = waitUntil - System.nanoTime();
            if (announced.get() == 0 || left <= 0) {
                return null;
            }
            return queue.poll(left, TimeUnit.NANOSECONDS);
        } finally {
            writerWaiting = false;
        }
    }

    /** Moves held-back records into the batch, each request key once; the rest stay held back, in order. */
    private void addHeldBack(List<PendingTrace> batch, Set<String> requestKeys) {
        int held = heldBack.size();
        for (int i = 0; i < held && batch.size() < maxBatch; i++) {
            add(heldBack.poll(), batch, requestKeys);
        }
    }

    /** @return false when {@code pending} is the end marker (nothing follows it) */
    private boolean add(PendingTrace pending, List<PendingTrace> batch, Set<String> requestKeys) {
        if (pending == END) {
            return false;
        }
        if (pending == WAKE) {
            return true;
        }
        String key = pending.requestKey();
        if (key != null && requestKeys.contains(key)) {
            heldBack.add(pending);
        } else if (pending.take()) {
            batch.add(pending);
            if (key != null) {
                requestKeys.add(key);
            }
        }
        return true;
    }

    private void write(List<PendingTrace> batch) {
        if (batch.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        try {
            sink.write(batch);
        } catch (RuntimeException e) {
            log.error("Writing a batch of {} decision traces failed", batch.size(), e);
            failure = e;
        } finally {
            for (PendingTrace pending : batch) {
                if (!pending.isDone()) {
                    pending.failed(new TraceUnavailableException("The decision trace could not be stored", failure));
                }
            }
        }
    }

    /**
     * Fails every record still queued (and, on the writer thread, held back): nothing will write them. Held-back
     * records are the writer thread's own; if it is stuck, their request threads give up on their own.
     */
    private void failQueued() {
        List<PendingTrace> left = new ArrayList<>();
        queue.drainTo(left);
        if (Thread.currentThread() == writer) {
            left.addAll(heldBack);
            heldBack.clear();
        }
        for (PendingTrace pending : left) {
            if (pending != END && pending != WAKE) {
                pending.failIfQueued(new TraceUnavailableException("The decision trace store is shutting down", null));
            }
        }
    }

    /**
     * A record on its way: submitting it through the announcement, or closing the announcement, ends it (whichever
     * comes first; later calls of {@link #close} do nothing). Used by one request thread.
     */
    final class Announcement implements AutoCloseable {

        private boolean open = true;

        private Announcement() {
        }

        /** Queues the announced record, like {@link GroupCommitWriter#submit}, and ends the announcement. */
        PendingTrace submit(TraceRecord record) {
            try {
                return GroupCommitWriter.this.submit(record);
            } finally {
                close();
            }
        }

        /**
         * Ends the announcement, withdrawing it if its record was not submitted. The record (if any) is queued
         * before the count drops, and the last one to end wakes a waiting writer, so the writer neither misses a
         * record nor waits for one that is no longer coming.
         */
        @Override
        public void close() {
            if (open && announced.decrementAndGet() == 0 && writerWaiting) {
                queue.offer(WAKE);
            }
            open = false;
        }
    }
}
