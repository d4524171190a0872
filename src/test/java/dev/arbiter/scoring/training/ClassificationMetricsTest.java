package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void perClassPrecisionRecallAndTheConfusionMatrixAreCountedByHand() {
        // truth:     a a a b b c
        // predicted: a a b b c c
        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("a", "b", "c"),
                List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "c", "c"));

        assertThat(metrics.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(metrics.of("a").precision()).isEqualTo(1.0);
        assertThat(metrics.of("a").recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(metrics.of("b").precision()).isEqualTo(0.5);
        assertThat(metrics.of("c").recall()).isEqualTo(1.0);
        assertThat(metrics.confusion()[0]).containsExactly(2, 1, 0);
        double f1A = 2 * 1.0 * (2.0 / 3) / (1.0 + 2.0 / 3);
        double f1B = 0.5;
        double f1C = 2 * 0.5 * 1.0 / 1.5;
        assertThat(metrics.macroF1()).isCloseTo((f1A + f1B + f1C) / 3, within(1e-12));
    }

    @Test
    void aLabelNeverPredictedHasPrecisionAndF1Zero() {
        ClassificationMetrics metrics = ClassificationMetrics.of(List.of("a", "b"), List.of("a", "b"), List.of("a", "a"));

        assertThat(metrics.of("b").precision()).isZero();
        assertThat(metrics.of("b").f1()).isZero();
    }

    @Test
    void automationCountsOnlyConfidentPredictionsThatAreNotOutOfScope() {
        Automation automation = Automation.at(0.85, new String[] {"a", "a", "out_of_scope", "b"},
                new double[] {0.85, 0.84, 0.99, 0.9}, new String[] {"a", "a", "out_of_scope", "a"}, "out_of_scope");

        assertThat(automation.automated()).isEqualTo(2);
        assertThat(automation.accuracy()).isEqualTo(0.5);
        assertThat(automation.share()).isEqualTo(0.5);
    }
}
