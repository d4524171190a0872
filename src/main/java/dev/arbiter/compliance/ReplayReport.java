package dev.arbiter.compliance;

import java.time.Instant;
import java.util.List;

/**
 * What replaying a stored decision showed.
 *
 * @param decisionId            the decision replayed
 * @param comparedWith          the policy version it was evaluated against, and whether that is the one it recorded
 * @param recordedPolicyVersion the policy version that took the decision
 * @param result                IDENTICAL when every compared field has its recorded value, else CHANGED
 * @param differences           each compared field whose value changed, in response order
 * @param pinnedScores          the scores taken from the trace instead of being computed again
 * @param modelVersions         the models that scored the decision, and whether the loaded ones have the same version
 * @param inputs                the recorded circumstances the replay used
 */
public record ReplayReport(String decisionId, ComparedWith comparedWith, String recordedPolicyVersion, Result result,
                           List<Difference> differences, List<PinnedScore> pinnedScores, List<ModelVersion> modelVersions,
                           Inputs inputs) {

    /** Whether the replay gave the recorded answer. */
    public enum Result { IDENTICAL, CHANGED }

    /** The policy version of the replay; {@code recorded} is true when it is the version that took the decision. */
    public record ComparedWith(String policyVersion, boolean recorded) {
    }

    /**
     * A field of the answer whose value changed, e.g. {@code route.queue} or {@code actions[promo-42].reasons}.
     * Reasons are compared as their codes in order.
     */
    public record Difference(String field, Object recorded, Object replayed) {
    }

    /**
     * A score replayed from the trace rather than computed again, so that the replay tests the policy and not the
     * models. {@code source} is MODEL (its recorded answer is given again under the recorded model version) or NONE
     * (there was no usable score, and there is none in the replay either).
     */
    public record PinnedScore(String name, String source, String label, Double value, String modelVersion) {
    }

    /** A model that scored the decision: the version recorded, the version loaded now (null when none is). */
    public record ModelVersion(String name, String recordedVersion, String loadedVersion, boolean sameAsLoaded) {
    }

    /**
     * The recorded circumstances: the time of the interaction the replay's windows and quiet hours are computed
     * from, and the kill-switch scope in force then (GLOBAL, a channel, or null when automation was not paused).
     */
    public record Inputs(Instant at, String automationPauseScope) {
    }
}
