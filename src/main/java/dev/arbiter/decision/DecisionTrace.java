package dev.arbiter.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.arbiter.policy.Comparison;
import dev.arbiter.policy.RuleFiring;
import dev.arbiter.policy.TableEvaluation;
import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.privacy.Redaction;
import dev.arbiter.scoring.Contribution;
import dev.arbiter.scoring.LabelScore;
import dev.arbiter.scoring.ModelRef;

/**
 * Everything a compliance reviewer needs to see why a decision was taken: the request as received, the derived
 * features, every score with its source, every table row and rule that applied, every threshold compared, the
 * findings, the answer, the policy version and how long each step took. {@code redactions} lists the personal data
 * masked in the stored copy (docs/compliance.md): empty in an evaluation, filled in when the trace is stored.
 */
public record DecisionTrace(String decisionId, String requestId, Instant decidedAt, Instant at, String policyVersion,
                            DecisionRequest request, FeatureView features, List<ScoreView> scores,
                            AutomationView automation, List<TableEvaluation> tables, List<RuleFiring> rulesFired,
                            List<Comparison> comparisons, List<FindingView> findings,
                            List<SuppressionView> suppressions, String failure, DecisionResponse response,
                            Map<String, Long> timingsMicros, List<Redaction> redactions) {

    public DecisionTrace {
        redactions = redactions == null ? List.of() : redactions;
    }

    /** @return this trace as stored: with the stored copies of the request and answer and what was masked in them */
    public DecisionTrace withStoredCopies(DecisionRequest request, DecisionResponse response, List<Redaction> redactions) {
        return new DecisionTrace(decisionId, requestId, decidedAt, at, policyVersion, request, features, scores, automation,
                tables, rulesFired, comparisons, findings, suppressions, failure, response, timingsMicros, redactions);
    }

    /** Derived features. {@code timeZoneSource} is CUSTOMER or DEFAULT (UTC). */
    public record FeatureView(String timeZone, String timeZoneSource, String localDateTime,
                              List<Map<String, Object>> phraseMatches, List<Map<String, Object>> ticketAges,
                              List<Map<String, Object>> returnAges, List<Map<String, Object>> contactAges) {
    }

    /**
     * A score: {@code source} is CALLER, MODEL, LEXICON or NONE; {@code problem} says why none was usable;
     * {@code top} the model's three most likely labels; {@code explanation} the features that pushed the score most;
     * {@code defaultsApplied} the inputs that were missing and the defaults the model used instead.
     */
    public record ScoreView(String name, String label, Double value, String source, ModelRef model, String problem,
                            List<LabelScore> top, List<Contribution> explanation, Map<String, Object> defaultsApplied) {
    }

    /** The kill switch as the decision saw it. */
    public record AutomationView(boolean paused, String scope) {
    }

    /** A finding before arbitration. */
    public record FindingView(Outcome outcome, String code, String source, String queue, String skill,
                              Map<String, Object> values) {
    }

    /** A suppression of a proposed action. */
    public record SuppressionView(String actionId, String code, String source, Map<String, Object> values) {
    }
}
