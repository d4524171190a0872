package dev.arbiter.policy.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A policy's verdict on the interaction: the outcome it asks for, the reason code that explains it, an optional
 * queue (and skill) the case must go to, and the values the reason's message names. A finding without an outcome
 * is advisory (e.g. a high churn risk): it explains the decision without changing the outcome.
 * Rules create findings with the factory methods ({@code Finding.escalate(kcontext, "LEGAL_THREAT")}) and
 * {@code insert} them; decision tables produce them from rows whose {@code reason} output is set.
 * Built during one rule firing, then only read; not thread-safe while being built.
 */
public final class Finding {
    private final Outcome outcome;
    private final String code;
    private final String origin;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String queue;
    private String skill;

    /** @param outcome the outcome asked for, or null for an advisory finding */
    public Finding(Outcome outcome, String code, String origin) {
        this.outcome = outcome;
        this.code = Objects.requireNonNull(code, "code");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public static Finding escalate(RuleContext rule, String code) {
        return new Finding(Outcome.ESCALATE, code, RuleOrigin.of(rule));
    }

    public static Finding routeToAgent(RuleContext rule, String code) {
        return new Finding(Outcome.ROUTE_TO_AGENT, code, RuleOrigin.of(rule));
    }

    public static Finding humanReview(RuleContext rule, String code) {
        return new Finding(Outcome.HUMAN_REVIEW, code, RuleOrigin.of(rule));
    }

    public static Finding automate(RuleContext rule, String code) {
        return new Finding(Outcome.AUTOMATE, code, RuleOrigin.of(rule));
    }

    /** Sends the case to {@code queue}, handled by {@code skill} (null keeps the routing table's skill). */
    public Finding toQueue(String queue, String skill) {
        this.queue = queue;
        this.skill = skill;
        return this;
    }

    /** Records a value the reason message may name, e.g. {@code with("threshold", 0.7)}. */
    public Finding with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** @return the outcome asked for, or null when the finding is advisory */
    public Outcome getOutcome() { return outcome; }
    public boolean isAdvisory() { return outcome == null; }
    public String getCode() { return code; }
    /** Where the finding came from: {@code rule:<package>/<rule name>} or a decision table reference. */
    public String getOrigin() { return origin; }
    public String getQueue() { return queue; }
    public String getSkill() { return skill; }
    public Map<String, Object> getValues() { return Collections.unmodifiableMap(values); }

    @Override
    public String toString() {
        return outcome + " " + code + " from " + origin;
    }
}
