package dev.arbiter.scoring.training;

/**
 * What a confidence threshold would automate: a prediction is automated when its top label is not the
 * out-of-scope label and its confidence is at least the threshold (equal passes, as in the policy).
 *
 * @param threshold the minimum confidence
 * @param total     how many predictions there were
 * @param automated how many would be automated
 * @param right     how many of those were right
 */
record Automation(double threshold, int total, int automated, int right) {

    /**
     * @param predicted  per example, the top label
     * @param confidence per example, its calibrated probability
     * @param truth      per example, the true label (may be null when unknown: counted as wrong)
     * @param outOfScope the label that never automates, or null
     */
    static Automation at(double threshold, String[] predicted, double[] confidence, String[] truth, String outOfScope) {
        int automated = 0;
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (confidence[i] >= threshold && !predicted[i].equals(outOfScope)) {
                automated++;
                right += predicted[i].equals(truth[i]) ? 1 : 0;
            }
        }
        return new Automation(threshold, predicted.length, automated, right);
    }

    /** @return the share of all predictions that would be automated */
    double share() {
        return total == 0 ? 0 : (double) automated / total;
    }

    /** @return the share of automated predictions that were right (1 when none is automated) */
    double accuracy() {
        return automated == 0 ? 1 : (double) right / automated;
    }
}
