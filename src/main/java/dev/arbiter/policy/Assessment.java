package dev.arbiter.policy;

import java.util.List;

import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Suppression;

/**
 * What the policy found about an interaction before arbitration.
 *
 * @param findings            every outcome a table row or rule asked for, with its reason
 * @param suppressions        every proposed action a rule suppressed, with its reason
 * @param queue               the queue the routing table chose (a finding may override it)
 * @param skill               the skill the routing table chose
 * @param automationThreshold the confidence needed to automate, or null if the policy set none
 * @param nextBestAction      the next best action a table row recommends (e.g. RETENTION_OUTREACH), or null
 * @param comparisons         every value compared with a threshold
 * @param tables              every decision table evaluated
 * @param rulesFired          every rule fired, in order
 */
public record Assessment(List<Finding> findings, List<Suppression> suppressions, String queue, String skill,
                         Double automationThreshold, String nextBestAction, List<Comparison> comparisons,
                         List<TableEvaluation> tables, List<RuleFiring> rulesFired) {
}
