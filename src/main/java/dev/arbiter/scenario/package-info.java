/**
 * Business-readable policy scenarios ({@code policy-tests/*.yaml}): given a request, expect an outcome, queue,
 * priority, reasons and action statuses. One runner serves the test suite, the warm-up and policy tooling.
 */
package dev.arbiter.scenario;
