package dev.arbiter.scoring.training;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve: the probability that a random positive scores above a random negative, ties counting
 * one half (the Mann-Whitney U statistic over the number of pairs). Stateless.
 */
final class RocAuc {

    private RocAuc() {
    }

    /** @throws IllegalArgumentException when there is not at least one positive and one negative */
    static double of(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC AUC needs positives and negatives, got " + positives + " and " + negatives);
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
