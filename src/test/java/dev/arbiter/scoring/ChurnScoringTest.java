package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChurnScoringTest {

    private static final ModelRef MODEL = new ModelRef("churn", "test-churn-1");

    @Test
    void callerSuppliedRiskWinsOverTheModel() {
        ChurnScore score = ChurnScoring.score(model(0.2, null), 0.81, Map.of("tenureMonths", 2));

        assertThat(score.risk()).isEqualTo(0.81);
        assertThat(score.source()).isEqualTo(IntentScore.Source.CALLER);
        assertThat(score.model()).isNull();
    }

    @Test
    void theModelScoresTheProfileWithDriversAndDefaults() {
        ChurnScore score = ChurnScoring.score(model(0.74, null), null, Map.of("tenureMonths", 2));

        assertThat(score.risk()).isEqualTo(0.74);
        assertThat(score.source()).isEqualTo(IntentScore.Source.MODEL);
        assertThat(score.model()).isEqualTo(MODEL);
        assertThat(score.drivers()).extracting(Contribution::feature).containsExactly("contract=Month-to-month");
        assertThat(score.defaultsApplied()).containsEntry("contract", "Month-to-month");
    }

    @Test
    void withoutProfileThereIsNoRisk() {
        ChurnScore score = ChurnScoring.score(model(0.74, null), null, null);

        assertThat(score.risk()).isNull();
        assertThat(score.problem()).isEqualTo("no customer profile was sent");
    }

    @Test
    void withoutModelThereIsNoRisk() {
        ChurnScore score = ChurnScoring.score(null, null, Map.of("tenureMonths", 2));

        assertThat(score.risk()).isNull();
        assertThat(score.problem()).isEqualTo("no churn model is loaded");
    }

    @Test
    void aFailingModelGivesNoRiskInsteadOfAnException() {
        ChurnScore score = ChurnScoring.score(model(0, new IllegalStateException("corrupt")), null, Map.of());

        assertThat(score.risk()).isNull();
        assertThat(score.problem()).contains("the churn model failed");
        assertThat(score.model()).isEqualTo(MODEL);
    }

    @Test
    void aRiskOutsideZeroToOneIsRejected() {
        ChurnScore score = ChurnScoring.score(model(Double.NaN, null), null, Map.of());

        assertThat(score.risk()).isNull();
        assertThat(score.problem()).contains("no valid risk");
    }

    private static ChurnClassifier model(double risk, RuntimeException failure) {
        return new ChurnClassifier() {
            @Override
            public ModelRef model() {
                return MODEL;
            }

            @Override
            public ChurnPrediction predict(Map<String, Object> profile) {
                if (failure != null) {
                    throw failure;
                }
                return new ChurnPrediction(risk, List.of(new Contribution("contract=Month-to-month", 0.9)),
                        Map.of("contract", "Month-to-month"));
            }

            @Override
            public Map<String, List<String>> categoryValues() {
                return Map.of();
            }
        };
    }
}
