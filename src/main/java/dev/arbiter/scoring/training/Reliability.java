package dev.arbiter.scoring.training;

import java.util.ArrayList;
import java.util.List;

/**
 * A reliability table: confidences grouped into equal-width bins, each with its mean confidence and the share that
 * was right; and the expected calibration error, {@code ECE = sum over bins of (n_bin / n) * |accuracy - confidence|}.
 * A model is calibrated when, in every bin, the share right matches the confidence.
 *
 * @param bins one row per non-empty bin, lowest first
 * @param ece  the expected calibration error in [0, 1]
 */
record Reliability(List<Bin> bins, double ece) {

    /**
     * @param from       lower edge (inclusive; the first bin also takes 0)
     * @param to         upper edge (inclusive)
     * @param count      how many predictions fall in the bin
     * @param confidence their mean confidence
     * @param accuracy   the share of them that was right
     */
    record Bin(double from, double to, int count, double confidence, double accuracy) {
    }

    /**
     * @param confidence per prediction, the probability the model gave to what it predicted (or to the event)
     * @param right      per prediction, whether it was right (or whether the event happened)
     * @param binCount   how many equal-width bins split [0, 1]
     */
    static Reliability of(double[] confidence, boolean[] right, int binCount) {
        int[] counts = new int[binCount];
        double[] confidenceSums = new double[binCount];
        int[] rightCounts = new int[binCount];
        for (int i = 0; i < confidence.length; i++) {
            int bin = Math.min(binCount - 1, Math.max(0, (int) Math.ceil(confidence[i] * binCount) - 1));
            counts[bin]++;
            confidenceSums[bin] += confidence[i];
            rightCounts[bin] += right[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double meanConfidence = confidenceSums[b] / counts[b];
            double accuracy = (double) rightCounts[b] / counts[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, counts[b], meanConfidence, accuracy));
            ece += (double) counts[b] / confidence.length * Math.abs(accuracy - meanConfidence);
        }
        return new Reliability(List.copyOf(bins), ece);
    }
}
