package dev.arbiter.scoring;

import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/** Reads a Tribuo linear classifier's label set and weights, for explanations. Stateless. */
public final class LinearWeights {

    private LinearWeights() {
    }

    /** @return the model's labels, indexed by Tribuo's output id */
    public static String[] labels(AbstractLinearSGDModel<Label> model) {
        String[] labels = new String[model.getOutputIDInfo().size()];
        for (int id = 0; id < labels.length; id++) {
            labels[id] = model.getOutputIDInfo().getOutput(id).getLabel();
        }
        return labels;
    }

    /**
     * @return the weights as {@code [label id][feature id]}; Tribuo keeps one row per label and one column per
     * feature, plus a last column for the bias, which is left out
     */
    static double[][] of(AbstractLinearSGDModel<Label> model) {
        DenseMatrix matrix = model.getWeightsCopy();
        int labels = model.getOutputIDInfo().size();
        int features = model.getFeatureIDMap().size();
        if (matrix.getDimension1Size() != labels || matrix.getDimension2Size() != features + 1) {
            throw new ModelLoadException("Unexpected weight matrix " + matrix.getDimension1Size() + "x"
                    + matrix.getDimension2Size() + " for " + labels + " labels and " + features + " features");
        }
        double[][] weights = new double[labels][features];
        for (int label = 0; label < labels; label++) {
            for (int feature = 0; feature < features; feature++) {
                weights[label][feature] = matrix.get(label, feature);
            }
        }
        return weights;
    }
}
