package dev.arbiter.scenario;

import java.util.List;
import java.util.Map;

/**
 * One scenario file: a concern, the request every case starts from, and the cases.
 *
 * @param concern     the policy concern the file covers, in business words
 * @param description optional longer explanation
 * @param base        the request every case starts from
 * @param cases       the cases, each named in business words
 */
record ScenarioFile(String concern, String description, Map<String, Object> base, List<Case> cases) {

    /**
     * A case: what differs from the base request, the kill-switch state, and what must come out.
     *
     * @param given      fields merged over the base request (maps merge, other values replace, null removes)
     * @param automation paused scopes (GLOBAL or channel names), if any
     * @param models     {@code none} to decide as if no model were loaded; absent: the service's models
     * @param expect     what the decision must show
     */
    record Case(String name, Map<String, Object> given, Automation automation, String models, Expectation expect) {
    }

    /** The kill switch for a case: the scopes paused. */
    record Automation(List<String> paused) {
    }
}
