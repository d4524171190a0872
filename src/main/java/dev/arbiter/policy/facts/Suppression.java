package dev.arbiter.policy.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A rule's verdict that one proposed action must not go out, with the reason code and the values its message names.
 * Built during one rule firing, then only read.
 */
public final class Suppression {
    private final String actionId;
    private final String code;
    private final String origin;
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Suppression(String actionId, String code, String origin) {
        this.actionId = Objects.requireNonNull(actionId, "actionId");
        this.code = Objects.requireNonNull(code, "code");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public static Suppression of(RuleContext rule, ProposedAction action, String code) {
        return new Suppression(action.getId(), code, RuleOrigin.of(rule));
    }

    public Suppression with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    public String getActionId() { return actionId; }
    public String getCode() { return code; }
    public String getOrigin() { return origin; }
    public Map<String, Object> getValues() { return Collections.unmodifiableMap(values); }
}
