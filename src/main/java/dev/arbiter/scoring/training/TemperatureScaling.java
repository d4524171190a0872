package dev.arbiter.scoring.training;

import java.util.List;

import dev.arbiter.scoring.Softmax;

/**
 * Fits the temperature T that minimises the negative log-likelihood of {@code softmax(logits / T)} on held-out
 * examples (Guo et al., 2017, "On Calibration of Modern Neural Networks"). T above 1 softens an overconfident model,
 * below 1 sharpens an underconfident one; the ranking of labels never changes. Stateless.
 */
final class TemperatureScaling {

    static final double MIN = 0.05;
    static final double MAX = 20;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private TemperatureScaling() {
    }

    /**
     * Golden-section search over log T in [{@link #MIN}, {@link #MAX}]: the likelihood is convex in 1/T, so it has one
     * minimum there.
     *
     * @param logits per example, one logit per class
     * @param truth  per example, the index of the true class
     */
    static double fit(List<double[]> logits, int[] truth) {
        double low = Math.log(MIN);
        double high = Math.log(MAX);
        double a = high - GOLDEN * (high - low);
        double b = low + GOLDEN * (high - low);
        double fa = negativeLogLikelihood(logits, truth, Math.exp(a));
        double fb = negativeLogLikelihood(logits, truth, Math.exp(b));
        while (high - low > 1e-6) {
            if (fa <= fb) {
                high = b;
                b = a;
                fb = fa;
                a = high - GOLDEN * (high - low);
                fa = negativeLogLikelihood(logits, truth, Math.exp(a));
            } else {
                low = a;
                a = b;
                fa = fb;
                b = low + GOLDEN * (high - low);
                fb = negativeLogLikelihood(logits, truth, Math.exp(b));
            }
        }
        return Math.exp((low + high) / 2);
    }

    /** @return the mean negative log-likelihood of the true classes under {@code softmax(logits / temperature)} */
    static double negativeLogLikelihood(List<double[]> logits, int[] truth, double temperature) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double p = Softmax.probabilities(logits.get(i), temperature)[truth[i]];
            sum -= Math.log(Math.max(p, 1e-300));
        }
        return sum / truth.length;
    }
}
