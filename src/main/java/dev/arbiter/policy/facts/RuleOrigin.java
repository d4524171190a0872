package dev.arbiter.policy.facts;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/** Names the rule that produced a finding, as {@code rule:<package>/<rule name>}. */
final class RuleOrigin {
    static final String PREFIX = "rule:";

    private RuleOrigin() {
    }

    static String of(RuleContext context) {
        Rule rule = context.getRule();
        return PREFIX + rule.getPackageName() + "/" + rule.getName();
    }
}
