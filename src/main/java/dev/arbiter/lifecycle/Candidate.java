package dev.arbiter.lifecycle;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Policy files to check or activate: uploaded ones, or the files on disk when none were uploaded.
 *
 * @param files     policy file path (e.g. {@code rules/escalation.drl}) to content
 * @param scenarios scenario file path (e.g. {@code policy-tests/escalation.yaml}) to content
 */
record Candidate(Map<String, String> files, Map<String, String> scenarios) {

    private static final Pattern POLICY_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9._-]+)+\\.(drl|dmn|yaml|yml)");
    private static final Pattern SCENARIO_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9._-]+)+\\.(yaml|yml)");

    /** @throws InvalidCandidateException naming the first path that is not a plain relative policy path */
    static void checkPaths(String field, Map<String, String> files, boolean scenarios) {
        if (files == null) {
            return;
        }
        Pattern allowed = scenarios ? SCENARIO_PATH : POLICY_PATH;
        files.forEach((path, content) -> {
            if (!allowed.matcher(path).matches() || path.contains("..")) {
                throw new InvalidCandidateException(field + "['" + path + "']",
                        "must be a relative path such as " + (scenarios ? "policy-tests/escalation.yaml" : "rules/escalation.drl")
                                + " ending in " + (scenarios ? ".yaml" : ".drl, .dmn or .yaml"));
            }
            if (content == null) {
                throw new InvalidCandidateException(field + "['" + path + "']", "must have content");
            }
        });
    }
}
