package dev.arbiter.trace;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One record on its way into the chain: queued by the request thread ({@link GroupCommitWriter#submit}), taken and
 * written by the writer thread, awaited by the request thread until its transaction committed.
 * <p>
 * States: queued, then either taken by the writer (which then completes it exactly once: committed or failed) or
 * abandoned by its request thread (which gave up waiting; the writer then skips it, so it is never written).
 * Thread-safe.
 */
final class PendingTrace {

    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    /** Null only for the writer's markers. */
    private final EncodedTrace trace;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    /**
     * Encodes and hashes the record as far as it can be before its chain position is known (on the calling request
     * thread, not the writer's; see {@link EncodedTrace}).
     *
     * @param record the record to write; null only for the writer's markers (end of queue, wake-up)
     */
    PendingTrace(TraceRecord record) {
        this.trace = record == null ? null : EncodedTrace.of(record);
    }

    EncodedTrace trace() {
        return trace;
    }

    TraceRecord record() {
        return trace.record();
    }

    /**
     * @return what makes two records collide on {@code uq_decision_trace_client_request} (client and request id),
     * or null when the record has no request id or no client (such records never collide)
     */
    String requestKey() {
        TraceRecord record = trace.record();
        return record.requestId() == null || record.clientName() == null ? null
                : record.clientName() + '\u0000' + record.requestId();
    }

    /** Writer side: claims the record for writing. @return false when its request thread abandoned it */
    boolean take() {
        return state.compareAndSet(QUEUED, TAKEN);
    }

    /** Writer side: the transaction holding the record committed. */
    void committed() {
        outcome.complete(null);
    }

    /** Writer side: the record was not stored, for the reason given (thrown to the request thread). */
    void failed(RuntimeException reason) {
        outcome.completeExceptionally(reason);
    }

    boolean isDone() {
        return outcome.isDone();
    }

    /**
     * Shutdown side: fails the record when it is still queued (never taken, so never written).
     *
     * @return whether it was still queued
     */
    boolean failIfQueued(RuntimeException reason) {
        if (!state.compareAndSet(QUEUED, ABANDONED)) {
            return false;
        }
        outcome.completeExceptionally(reason);
        return true;
    }

    /**
     * Request side: waits until the record's transaction committed.
     *
     * @throws DuplicateRequestException when the client's request id was stored by another decision first
     * @throws TraceUnavailableException when the record was not stored, or not within {@code timeout}: a record that
     *                                   was still queued is then never written; one the writer had already taken may
     *                                   still be committed afterwards (the caller was told 503 and got no decision)
     */
    void await(Duration timeout) {
        try {
            outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (TimeoutException e) {
            if (state.compareAndSet(QUEUED, ABANDONED)) {
                throw new TraceUnavailableException("The decision trace store is busy: the trace was not written within "
                        + timeout, e);
            }
            if (!outcome.isDone()) {
                throw new TraceUnavailableException("The decision trace was not confirmed within " + timeout, e);
            }
            outcomeNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.compareAndSet(QUEUED, ABANDONED);
            throw new TraceUnavailableException("Interrupted while waiting for the decision trace to be stored", e);
        }
    }

    /** Returns when the completed outcome is a commit, throws its failure otherwise. */
    private void outcomeNow() {
        try {
            outcome.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime
                : new TraceUnavailableException("The decision trace could not be stored", cause);
    }
}
