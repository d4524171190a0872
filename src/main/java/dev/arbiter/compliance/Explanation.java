package dev.arbiter.compliance;

import java.util.List;

import dev.arbiter.policy.facts.Outcome;

/**
 * A stored decision in plain language, for a reviewer to hand to a customer. Every sentence comes from the policy's
 * explanation templates ({@code rules/explanations.yaml}) and reason catalog, filled with the values the decision
 * used.
 *
 * @param decisionId    the decision explained
 * @param outcome       what was decided
 * @param text          the whole explanation as one paragraph: the sections in order
 * @param sections      the same sentences by section
 * @param policyVersion the policy version that took the decision
 * @param templates     whose wording this is
 */
public record Explanation(String decisionId, Outcome outcome, String text, Sections sections, String policyVersion,
                         Templates templates) {

    /**
     * @param decided         what was decided, where the case goes and with which priority
     * @param reasons         each reason, with the values and thresholds applied
     * @param whyNotAutomated each threshold not reached and each rule or table row that asked for more than
     *                        automation; empty when the decision was automated
     * @param actions         what became of each proposed action
     * @param closing         the decision id, time and policy version
     */
    public record Sections(String decided, List<String> reasons, List<String> whyNotAutomated, List<String> actions,
                           String closing) {
    }

    /**
     * @param policyVersion the policy version whose templates were used
     * @param recorded      true when that is the version that took the decision
     * @param notice        when it is not, a sentence saying so (from the templates); else null
     */
    public record Templates(String policyVersion, boolean recorded, String notice) {
    }
}
