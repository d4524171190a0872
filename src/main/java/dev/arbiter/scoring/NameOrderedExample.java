package dev.arbiter.scoring;

import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A Tribuo example to predict on, built from features that are already in Tribuo's order (ascending name, which is
 * the model's id order): it takes them as given, where {@link ArrayExample} index-sorts every example's names again.
 * Adding features later sorts as any {@link ArrayExample} does. Not thread-safe (like any {@link ArrayExample}).
 */
final class NameOrderedExample extends ArrayExample<Label> {

    private static final long serialVersionUID = 1L;

    private static final String[] NO_NAMES = {};
    private static final double[] NO_VALUES = {};

    /**
     * @param names  distinct feature names in ascending order; copied
     * @param values the value of each name; copied
     * @throws IllegalArgumentException when the arrays differ in length
     */
    NameOrderedExample(String[] names, double[] values) {
        super(LabelFactory.UNKNOWN_LABEL, NO_NAMES, NO_VALUES);
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
        }
        this.featureNames = names.clone();
        this.featureValues = values.clone();
        this.size = names.length;
    }
}
