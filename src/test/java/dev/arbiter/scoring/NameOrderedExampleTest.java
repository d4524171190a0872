package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** The example that skips Tribuo's sort when the features are already in order holds what Tribuo's own one holds. */
class NameOrderedExampleTest {

    @Test
    void featuresGivenInNameOrderStayAsGiven() {
        String[] names = {"chars:\" pa\"", "word:my", "word:parcel"};
        double[] values = {0.5, 0.25, 0.75};

        assertThat(features(new NameOrderedExample(names, values))).isEqualTo(features(tribuos(names, values)));
    }

    @Test
    void featuresOutOfOrderAreSortedAsTribuoSortsThem() {
        String[] names = {"word:parcel", "chars:\" pa\"", "word:my", "Word:Z"};
        double[] values = {0.75, 0.5, 0.25, 1.0};

        List<Feature> sorted = features(new NameOrderedExample(names, values));

        assertThat(sorted).isEqualTo(features(tribuos(names, values)));
        assertThat(sorted).extracting(Feature::getName).containsExactly("Word:Z", "chars:\" pa\"", "word:my", "word:parcel");
    }

    @Test
    void theCallersArraysAreNotChanged() {
        String[] names = {"b", "a"};
        double[] values = {2, 1};

        new NameOrderedExample(names, values);

        assertThat(names).containsExactly("b", "a");
        assertThat(values).containsExactly(2, 1);
    }

    private static ArrayExample<Label> tribuos(String[] names, double[] values) {
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values);
    }

    private static List<Feature> features(Example<Label> example) {
        List<Feature> features = new ArrayList<>();
        example.forEach(features::add);
        return features;
    }
}
