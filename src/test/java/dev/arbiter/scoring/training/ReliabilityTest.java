package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void eceIsTheCountWeightedGapBetweenConfidenceAndAccuracyPerBin() {
        // bin (0.8, 0.9]: confidences 0.9, 0.9, 0.9, 0.9 -> mean 0.9, 3 of 4 right -> gap 0.15, weight 4/6
        // bin (0.5, 0.6]: confidences 0.6, 0.6 -> mean 0.6, 2 of 2 right -> gap 0.4, weight 2/6
        double[] confidence = {0.9, 0.9, 0.9, 0.9, 0.6, 0.6};
        boolean[] right = {true, true, true, false, true, true};

        Reliability reliability = Reliability.of(confidence, right, 10);

        assertThat(reliability.ece()).isCloseTo(4.0 / 6 * 0.15 + 2.0 / 6 * 0.4, within(1e-12));
        assertThat(reliability.bins()).hasSize(2);
        assertThat(reliability.bins().get(1).count()).isEqualTo(4);
        assertThat(reliability.bins().get(1).accuracy()).isEqualTo(0.75);
    }

    @Test
    void aPerfectlyCalibratedSetHasNoError() {
        Reliability reliability = Reliability.of(new double[] {0.5, 0.5, 1.0}, new boolean[] {true, false, true}, 10);

        assertThat(reliability.ece()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aConfidenceOfZeroFallsInTheFirstBin() {
        Reliability reliability = Reliability.of(new double[] {0.0}, new boolean[] {false}, 10);

        assertThat(reliability.bins().get(0).from()).isEqualTo(0.0);
    }
}
