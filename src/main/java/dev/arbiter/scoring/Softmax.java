package dev.arbiter.scoring;

/** Turns a linear model's scores into probabilities with a temperature. Stateless. */
public final class Softmax {

    /** Probabilities below this are floored before taking logarithms, so that no logit is infinite. */
    private static final double FLOOR = 1e-300;

    private Softmax() {
    }

    /** @return {@code softmax(logits / temperature)}; the logits may be shifted by any constant */
    public static double[] probabilities(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp((logits[i] - max) / temperature);
            sum += probabilities[i];
        }
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    /**
     * @return logits that give back {@code probabilities} under a softmax (their logarithms): a softmax model's
     * scores, up to a constant that the softmax ignores
     */
    public static double[] logits(double[] probabilities) {
        double[] logits = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            logits[i] = Math.log(Math.max(probabilities[i], FLOOR));
        }
        return logits;
    }
}
