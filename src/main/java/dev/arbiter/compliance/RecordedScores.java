package dev.arbiter.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.arbiter.decision.DecisionTrace;
import dev.arbiter.scoring.ChurnClassifier;
import dev.arbiter.scoring.ChurnPrediction;
import dev.arbiter.scoring.Contribution;
import dev.arbiter.scoring.IntentClassifier;
import dev.arbiter.scoring.IntentPrediction;
import dev.arbiter.scoring.LabelScore;
import dev.arbiter.scoring.ModelRef;
import dev.arbiter.scoring.Models;

/**
 * The model scores of a stored decision, pinned for a replay: a model that scored the decision is replaced by a
 * stand-in that gives its recorded answer again (label, confidence, top labels, explanation, churn drivers) under the
 * recorded model name and version; a model that gave no usable score is left out, so that there is none again.
 * Caller-supplied scores are in the request itself, and the sentiment estimated from the policy's word lists is
 * policy, computed again by the policy under test. Immutable.
 */
final class RecordedScores {

    static final String INTENT = "intent";
    static final String CHURN = "churn";
    private static final String MODEL = "MODEL";
    private static final String NONE = "NONE";

    private final Models models;
    private final List<ReplayReport.PinnedScore> pinned;

    private RecordedScores(Models models, List<ReplayReport.PinnedScore> pinned) {
        this.models = models;
        this.pinned = List.copyOf(pinned);
    }

    static RecordedScores of(List<DecisionTrace.ScoreView> scores) {
        IntentClassifier intent = null;
        ChurnClassifier churn = null;
        List<ReplayReport.PinnedScore> pinned = new ArrayList<>();
        for (DecisionTrace.ScoreView score : scores == null ? List.<DecisionTrace.ScoreView>of() : scores) {
            boolean modelled = MODEL.equals(score.source()) && score.model() != null && score.value() != null;
            boolean modelScore = INTENT.equals(score.name()) || CHURN.equals(score.name());
            if (modelled && INTENT.equals(score.name()) && score.label() != null) {
                intent = new RecordedIntent(score.model(), ranked(score), score.explanation());
            } else if (modelled && CHURN.equals(score.name())) {
                churn = new RecordedChurn(score.model(), new ChurnPrediction(score.value(), listOrEmpty(score.explanation()),
                        score.defaultsApplied() == null ? Map.of() : score.defaultsApplied()));
            } else if (!modelScore || !NONE.equals(score.source())) {
                continue; // supplied by the caller (it is in the request) or derived by the policy itself
            }
            pinned.add(new ReplayReport.PinnedScore(score.name(), modelled ? MODEL : NONE, score.label(), score.value(),
                    modelled ? score.model().version() : null));
        }
        return new RecordedScores(new Models(intent, churn), pinned);
    }

    /** @return the recorded labels, most likely first, starting with the label and confidence that were used */
    private static List<LabelScore> ranked(DecisionTrace.ScoreView score) {
        List<LabelScore> ranked = new ArrayList<>(listOrEmpty(score.top()));
        LabelScore used = new LabelScore(score.label(), score.value());
        if (ranked.isEmpty() || !ranked.get(0).equals(used)) {
            ranked.remove(used);
            ranked.add(0, used);
        }
        return ranked;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** @return the stand-in models to evaluate the replay with */
    Models models() {
        return models;
    }

    /** @return the scores taken from the trace */
    List<ReplayReport.PinnedScore> pinned() {
        return pinned;
    }

    /** Gives the recorded intent prediction for any message. */
    private record RecordedIntent(ModelRef model, List<LabelScore> ranked, List<Contribution> explanation)
            implements IntentClassifier {

        @Override
        public IntentPrediction predict(String message, List<String> history) {
            return new IntentPrediction(ranked, listOrEmpty(explanation));
        }
    }

    /** Gives the recorded churn prediction for any profile. */
    private record RecordedChurn(ModelRef model, ChurnPrediction prediction) implements ChurnClassifier {

        @Override
        public ChurnPrediction predict(Map<String, Object> profile) {
            return prediction;
        }

        /** A replayed request was checked when it was first decided: nothing to restrict again. */
        @Override
        public Map<String, List<String>> categoryValues() {
            return Map.of();
        }
    }
}
