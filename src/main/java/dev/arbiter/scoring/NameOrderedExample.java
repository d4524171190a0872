package dev.arbiter.scoring;

import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A Tribuo example to predict on whose features are usually given already in Tribuo's order (by name, as
 * {@link ArrayExample} sorts them): it sorts them, as any example does, only when they are not in that order — a
 * check of neighbours instead of an index sort of every name on every prediction. Not thread-safe (like any
 * {@link ArrayExample}).
 */
final class NameOrderedExample extends ArrayExample<Label> {

    private static final long serialVersionUID = 1L;

    /**
     * @param names  distinct feature names, best in ascending order; copied
     * @param values the value of each name; copied
     */
    NameOrderedExample(String[] names, double[] values) {
        super(LabelFactory.UNKNOWN_LABEL, names, values);
    }

    @Override
    protected void sort() {
        for (int i = 1; i < size; i++) {
            if (featureNames[i - 1].compareTo(featureNames[i]) >= 0) {
                super.sort();
                return;
            }
        }
    }
}
