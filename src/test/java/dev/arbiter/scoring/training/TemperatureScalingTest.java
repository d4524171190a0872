package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.arbiter.scoring.Softmax;

class TemperatureScalingTest {

    private static final int EXAMPLES = 4000;
    private static final double OVERCONFIDENCE = 3;

    @Test
    void onAnOverconfidentModelTheFittedTemperatureUndoesTheOverconfidence() {
        Synthetic data = overconfident(7);

        double temperature = TemperatureScaling.fit(data.logits(), data.truth());

        assertThat(temperature).isCloseTo(OVERCONFIDENCE, within(0.3));
    }

    @Test
    void theFittedTemperatureLowersTheNegativeLogLikelihood() {
        Synthetic data = overconfident(11);

        double before = TemperatureScaling.negativeLogLikelihood(data.logits(), data.truth(), 1);
        double after = TemperatureScaling.negativeLogLikelihood(data.logits(), data.truth(),
                TemperatureScaling.fit(data.logits(), data.truth()));

        assertThat(after).isLessThan(before * 0.8);
    }

    @Test
    void aTemperatureNeverChangesWhichLabelRanksFirst() {
        double[] logits = {2.0, -1.0, 0.5};

        assertThat(argmax(Softmax.probabilities(logits, 0.3))).isEqualTo(argmax(Softmax.probabilities(logits, 5)));
    }

    private record Synthetic(List<double[]> logits, int[] truth) {
    }

    /**
     * Three classes: true logits drawn at random, the label drawn from their softmax (so they are calibrated), then
     * the logits multiplied by {@link #OVERCONFIDENCE}, as an overconfident model would report them.
     */
    private static Synthetic overconfident(long seed) {
        Random random = new Random(seed);
        List<double[]> logits = new ArrayList<>();
        int[] truth = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            double[] calibrated = {random.nextGaussian() * 1.5, random.nextGaussian() * 1.5, random.nextGaussian() * 1.5};
            double[] p = Softmax.probabilities(calibrated, 1);
            double u = random.nextDouble();
            truth[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            logits.add(new double[] {calibrated[0] * OVERCONFIDENCE, calibrated[1] * OVERCONFIDENCE, calibrated[2] * OVERCONFIDENCE});
        }
        return new Synthetic(logits, truth);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
