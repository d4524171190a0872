package dev.arbiter.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.arbiter.policy.ReasonCatalog;
import dev.arbiter.policy.facts.Finding;
import dev.arbiter.policy.facts.Outcome;

/**
 * Picks the outcome from everything policy found: the most severe wins
 * (ESCALATE &gt; ROUTE_TO_AGENT &gt; HUMAN_REVIEW &gt; AUTOMATE). All reasons for a non-automated outcome are kept,
 * most severe first and, within one outcome, in reason-catalog order, advisory reasons (no outcome) last; the first
 * reason of the winning outcome that names a queue routes the case (a less severe reason never moves it). Without any finding that asks for an outcome nothing is automated.
 * Stateless.
 */
final class Arbitration {

    /** Code the service uses when no policy said anything. */
    static final String NO_DECISION = "NO_POLICY_DECISION";
    static final String SERVICE_SOURCE = "service:fail-safe";

    /** The arbitrated outcome with its ordered reasons and the queue a reason asked for (or null). */
    record Verdict(Outcome outcome, List<Finding> reasons, String queue, String skill) {
    }

    private Arbitration() {
    }

    static Verdict decide(List<Finding> findings, ReasonCatalog catalog) {
        if (findings.stream().allMatch(Finding::isAdvisory)) {
            List<Finding> withFailSafe = new ArrayList<>(findings);
            withFailSafe.add(new Finding(Outcome.HUMAN_REVIEW, NO_DECISION, SERVICE_SOURCE));
            return decide(withFailSafe, catalog);
        }
        Outcome outcome = findings.stream().map(Finding::getOutcome).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow();
        List<Finding> reasons = new ArrayList<>();
        for (Finding finding : findings) {
            if (outcome == Outcome.AUTOMATE || finding.getOutcome() != Outcome.AUTOMATE) {
                reasons.add(finding);
            }
        }
        reasons.sort(Comparator.comparing(Finding::getOutcome, Comparator.nullsFirst(Comparator.<Outcome>naturalOrder())).reversed()
                .thenComparingInt(finding -> catalog.rank(finding.getCode())));
        Finding routing = reasons.stream()
                .filter(finding -> finding.getOutcome() == outcome && finding.getQueue() != null)
                .findFirst().orElse(null);
        return new Verdict(outcome, List.copyOf(reasons), routing == null ? null : routing.getQueue(),
                routing == null ? null : routing.getSkill());
    }
}
