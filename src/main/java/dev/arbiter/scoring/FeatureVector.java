package dev.arbiter.scoring;

import java.util.Arrays;

/**
 * Named feature values, as a model sees one input: parallel arrays of distinct names and their values.
 * Immutable by convention (the arrays are not copied: do not change them).
 *
 * @param names  distinct feature names, e.g. {@code word:parcel}
 * @param values the value of each name
 */
public record FeatureVector(String[] names, double[] values) {

    public FeatureVector {
        if (names.length != values.length) {
            throw new IllegalArgumentException("names and values differ in length");
        }
    }

    /** @return how many features there are */
    public int size() {
        return names.length;
    }

    /** @return the value of {@code name}, or 0 when it is absent */
    public double valueOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureVector that && Arrays.equals(names, that.names) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
