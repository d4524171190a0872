/**
 * Persistence of decision traces: every decision's full record is written before its answer is sent, and read
 * back for idempotent replays and compliance review.
 */
package dev.arbiter.trace;
