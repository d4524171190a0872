package dev.arbiter.trace;

import java.time.Instant;

/**
 * What a retention purge removed.
 *
 * @param before           traces decided before this instant were due
 * @param purged           how many chained records were removed, with their reason rows
 * @param purgedThroughSeq the last chain position removed, or null when nothing was
 * @param anchorHash       the content hash of that record, kept in {@code trace_chain_anchor} as the start of the
 *                         remaining chain; null when nothing was removed
 * @param unchainedPurged  rows from before the chain existed that were removed
 * @param at               when the purge ran
 * @param by               who ran it
 */
public record PurgeResult(Instant before, long purged, Long purgedThroughSeq, String anchorHash, long unchainedPurged,
                          Instant at, String by) {
}
