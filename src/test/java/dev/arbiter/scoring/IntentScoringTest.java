package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IntentScoringTest {

    private static final ModelRef MODEL = new ModelRef("intent", "test-model-1");

    @Test
    void callerSuppliedIntentIsUsedAsIsAndMarkedAsCaller() {
        IntentScore score = IntentScoring.score(classifierReturning(List.of(new LabelScore("complaint", 0.99))), "track_order", 0.91, "Where is my parcel?", List.of());

        assertThat(score.label()).isEqualTo("track_order");
        assertThat(score.confidence()).isEqualTo(0.91);
        assertThat(score.source()).isEqualTo(IntentScore.Source.CALLER);
        assertThat(score.model()).isNull();
    }

    @Test
    void withoutCallerIntentTheModelScoresAndTheTopThreeLabelsAreKept() {
        IntentScore score = IntentScoring.score(classifierReturning(List.of(new LabelScore("track_order", 0.7),
                new LabelScore("delivery_period", 0.2), new LabelScore("change_order", 0.06), new LabelScore("review", 0.04))), null, null, "wheres me parcel", List.of());

        assertThat(score.source()).isEqualTo(IntentScore.Source.MODEL);
        assertThat(score.label()).isEqualTo("track_order");
        assertThat(score.model()).isEqualTo(MODEL);
        assertThat(score.top()).extracting(LabelScore::label).containsExactly("track_order", "delivery_period", "change_order");
        assertThat(score.explanation()).containsExactly(new Contribution("word:parcel", 1.5));
    }

    @Test
    void noCallerIntentAndNoModelGivesNoScoreWithTheReason() {
        IntentScore score = IntentScoring.score(null, null, null, "hello", List.of());

        assertThat(score.confidence()).isNull();
        assertThat(score.source()).isEqualTo(IntentScore.Source.NONE);
        assertThat(score.problem()).contains("no intent model is loaded");
    }

    @Test
    void aFailingModelGivesNoScoreInsteadOfAnException() {
        IntentClassifier failing = classifier((message, history) -> {
            throw new IllegalStateException("model file corrupt");
        });

        IntentScore score = IntentScoring.score(failing, null, null, "hello", List.of());

        assertThat(score.confidence()).isNull();
        assertThat(score.problem()).contains("the intent model failed");
        assertThat(score.model()).isEqualTo(MODEL);
    }

    @Test
    void aModelReturningNaNGivesNoScore() {
        IntentScore score = IntentScoring.score(classifierReturning(List.of(new LabelScore("track_order", Double.NaN))), null, null, "hello", List.of());

        assertThat(score.confidence()).isNull();
        assertThat(score.problem()).contains("invalid confidence");
    }

    @Test
    void aModelReturningNoLabelGivesNoScore() {
        IntentScore score = IntentScoring.score(classifierReturning(List.of()), null, null, "hello", List.of());

        assertThat(score.confidence()).isNull();
        assertThat(score.problem()).contains("no label");
    }

    static IntentClassifier classifierReturning(List<LabelScore> scores) {
        return classifier((message, history) -> scores);
    }

    static IntentClassifier classifier(java.util.function.BiFunction<String, List<String>, List<LabelScore>> predict) {
        return new IntentClassifier() {
            @Override
            public ModelRef model() {
                return MODEL;
            }

            @Override
            public IntentPrediction predict(String message, List<String> history) {
                return new IntentPrediction(predict.apply(message, history), List.of(new Contribution("word:parcel", 1.5)));
            }
        };
    }
}
