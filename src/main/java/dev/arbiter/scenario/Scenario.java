package dev.arbiter.scenario;

import java.util.List;
import java.util.Map;

/**
 * One runnable case of a scenario file.
 *
 * @param file          the scenario file, e.g. {@code policy-tests/confidence-thresholds.yaml}
 * @param concern       the file's concern
 * @param name          the case's name
 * @param request       the request as a JSON-like map (base merged with the case)
 * @param pausedScopes  kill-switch scopes paused for the case
 * @param withoutModels true to decide as if no model were loaded
 * @param expect        what must come out
 */
public record Scenario(String file, String concern, String name, Map<String, Object> request, List<String> pausedScopes,
                      boolean withoutModels, Expectation expect) {

    /** The paused scope that pauses automation on every channel; any other scope is a channel's name. */
    static final String GLOBAL = "GLOBAL";
}
