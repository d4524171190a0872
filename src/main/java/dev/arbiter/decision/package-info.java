/**
 * The decision API and its pipeline: validate a request, derive features, score, apply the active policy,
 * arbitrate, persist the trace, answer.
 */
package dev.arbiter.decision;
