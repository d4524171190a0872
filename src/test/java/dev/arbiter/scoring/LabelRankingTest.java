package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The intent model ranks its labels by probability, highest first. */
class LabelRankingTest {

    @Test
    void labelsAreRankedByProbabilityHighestFirst() {
        assertThat(TribuoIntentClassifier.highestFirst(new double[] {0.1, 0.6, 0.05, 0.25})).containsExactly(1, 3, 0, 2);
    }

    @Test
    void equalProbabilitiesKeepLabelOrder() {
        assertThat(TribuoIntentClassifier.highestFirst(new double[] {0.2, 0.4, 0.2, 0.4, 0.2})).containsExactly(1, 3, 0, 2, 4);
    }

    @Test
    void anInvalidProbabilityComesFirstSoThatTheCallerFailsSafe() {
        assertThat(TribuoIntentClassifier.highestFirst(new double[] {0.9, Double.NaN, 0.1})).containsExactly(1, 0, 2);
    }
}
