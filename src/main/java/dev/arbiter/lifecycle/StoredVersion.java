package dev.arbiter.lifecycle;

import java.time.Instant;
import java.util.Map;

import dev.arbiter.policy.ValidationReport;
import dev.arbiter.scenario.SuiteReport;

/**
 * A policy version as stored: enough to rebuild it (its files and the scenarios it was tested with) and to
 * explain it (who, when, why, what changed, what the checks said).
 *
 * @param previousVersion the version active when this one was stored, or null
 * @param diff            per-file unified diff against {@code previousVersion}
 * @param scenarios       the scenario results of its gate, or null when none ran (first start from disk)
 */
record StoredVersion(String version, String label, String author, Instant createdAt, String comment,
                     String previousVersion, Map<String, String> files, Map<String, String> scenarioFiles,
                     Map<String, String> diff, ValidationReport validation, SuiteReport scenarios) {
}
