package dev.arbiter.decision;

import java.time.Instant;
import java.util.List;

import dev.arbiter.policy.facts.Outcome;
import dev.arbiter.scoring.IntentScore;
import dev.arbiter.scoring.SentimentScore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a decision request (DESIGN.md, Decision API).
 *
 * @param decisionId    the id to fetch the decision and its trace with
 * @param requestId     the caller's idempotency key, if any
 * @param decidedAt     when the service decided
 * @param outcome       what may happen next
 * @param route         which queue, skill, priority and model tier
 * @param intent        the intent used and where it came from
 * @param sentiment     the sentiment used and where it came from
 * @param churnRisk     the churn risk in [0, 1] (the caller's or the churn model's), or null when not known
 * @param nextBestAction what the policy recommends next for this customer (e.g. RETENTION_OUTREACH), or null
 * @param actions       each proposed action, allowed or suppressed with its reasons
 * @param reasons       why, most severe first
 * @param handoff       context for the person who takes over; null when automated
 * @param policyVersion SHA-256 of the policy files that decided
 * @param models        models that scored this interaction
 */
public record DecisionResponse(String decisionId, String requestId, Instant decidedAt, Outcome outcome, Route route,
                               IntentView intent, SentimentView sentiment, Double churnRisk, String nextBestAction,
                               List<ActionView> actions,
                               List<ReasonView> reasons, Handoff handoff, String policyVersion, List<ModelView> models) {

    /** @return this answer with {@code handoff} instead */
    public DecisionResponse withHandoff(Handoff handoff) {
        return new DecisionResponse(decisionId, requestId, decidedAt, outcome, route, intent, sentiment, churnRisk,
                nextBestAction, actions, reasons, handoff, policyVersion, models);
    }

    /**
     * Where the case goes. {@code priority} is 1 (highest) to 4; null only when the policy failed. {@code modelTier} is
     * what the policy's model-tier table answers (policy data, so not an enum here): LIGHT, HEAVY or NONE with the
     * shipped policy, and NONE when the policy failed.
     */
    public record Route(String queue, String skill, Integer priority,
                        @Schema(description = "the model tier the policy chose (dmn-models/model-tier.dmn): LIGHT, HEAVY "
                                + "or NONE with the shipped policy; NONE when the policy failed") String modelTier) {
    }

    /** The intent used; {@code source} is CALLER, MODEL or NONE ({@link IntentScore.Source}). */
    public record IntentView(String label, Double confidence, @Schema(implementation = IntentScore.Source.class) String source) {
    }

    /** The sentiment used; {@code source} is CALLER or LEXICON. */
    public record SentimentView(Double value,
                                @Schema(allowableValues = {SentimentScore.CALLER, SentimentScore.LEXICON}) String source) {
    }

    /** A proposed action's fate: {@code status} is ALLOWED or SUPPRESSED, {@code reasons} the codes. */
    public record ActionView(String id, @Schema(allowableValues = {ALLOWED, SUPPRESSED}) String status, List<String> reasons,
                             List<ReasonView> explanations) {

        /** {@code status} of an action no policy suppressed. */
        public static final String ALLOWED = "ALLOWED";
        /** {@code status} of an action a policy suppressed; {@code reasons} say why. */
        public static final String SUPPRESSED = "SUPPRESSED";
    }

    /** A reason: its code, the plain-language message, the policy line it came from, the outcome it asked for. */
    public record ReasonView(String code, String message, String source, Outcome outcome) {
    }

    /** What a person taking over needs to know. */
    public record Handoff(String intentGuess, Double confidence, String customerTier, Double lifetimeValue,
                          List<String> lastMessages, List<Double> sentimentTrend, List<String> reasons) {

        /** @return this hand-off with {@code lastMessages} instead */
        public Handoff withLastMessages(List<String> lastMessages) {
            return new Handoff(intentGuess, confidence, customerTier, lifetimeValue, lastMessages, sentimentTrend, reasons);
        }
    }

    /** A model that scored the interaction. */
    public record ModelView(String name, String version) {
    }
}
