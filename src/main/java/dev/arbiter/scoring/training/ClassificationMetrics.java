package dev.arbiter.scoring.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of predicted against true labels.
 *
 * @param labels    the label set, in the order of the matrix
 * @param accuracy  the share predicted right
 * @param macroF1   the unweighted mean of the per-class F1
 * @param perClass  one entry per label, in {@code labels} order
 * @param confusion {@code confusion[true][predicted]} counts
 */
record ClassificationMetrics(List<String> labels, double accuracy, double macroF1, List<ClassMetrics> perClass,
                             int[][] confusion) {

    /**
     * @param support how many examples truly have the label
     */
    record ClassMetrics(String label, double precision, double recall, double f1, int support) {
    }

    /**
     * @param labels    the label set; every truth and prediction must be in it
     * @param truth     per example, the true label
     * @param predicted per example, the predicted label
     */
    static ClassificationMetrics of(List<String> labels, List<String> truth, List<String> predicted) {
        int[][] confusion = new int[labels.size()][labels.size()];
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            int t = index(labels, truth.get(i));
            int p = index(labels, predicted.get(i));
            confusion[t][p]++;
            right += t == p ? 1 : 0;
        }
        List<ClassMetrics> perClass = new ArrayList<>();
        double f1Sum = 0;
        for (int c = 0; c < labels.size(); c++) {
            int truePositives = confusion[c][c];
            int predictedAs = 0;
            int support = 0;
            for (int k = 0; k < labels.size(); k++) {
                predictedAs += confusion[k][c];
                support += confusion[c][k];
            }
            double precision = predictedAs == 0 ? 0 : (double) truePositives / predictedAs;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = f1(precision, recall);
            perClass.add(new ClassMetrics(labels.get(c), precision, recall, f1, support));
            f1Sum += f1;
        }
        return new ClassificationMetrics(List.copyOf(labels), truth.isEmpty() ? 0 : (double) right / truth.size(),
                f1Sum / labels.size(), List.copyOf(perClass), confusion);
    }

    /** @return the harmonic mean of precision and recall, 0 when both are 0 */
    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** @return the metrics of one label */
    ClassMetrics of(String label) {
        return perClass.get(index(labels, label));
    }

    private static int index(List<String> labels, String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("unknown label " + label);
        }
        return index;
    }
}
