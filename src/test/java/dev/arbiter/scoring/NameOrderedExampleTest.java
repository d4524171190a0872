package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;

/** The example that takes features already in Tribuo's order holds, and predicts, what Tribuo's own one does. */
class NameOrderedExampleTest {

    @Test
    void holdsTheFeaturesTribuosExampleHolds() {
        String[] names = {"chars:\" pa\"", "word:my", "word:parcel"};
        double[] values = {0.5, 0.25, 0.75};

        assertThat(features(new NameOrderedExample(names, values))).isEqualTo(features(tribuos(names, values)));
    }

    @Test
    void theShippedIntentModelPredictsTheSameOnIt() {
        AbstractLinearSGDModel<Label> model = ModelFiles.loadLinearLabelModel(
                ModelFiles.modelFile(ReferencePredictions.MODELS, ModelFiles.INTENT));
        String[] names = everyNinetySeventhFeature(model.getFeatureIDMap(), 40);
        double[] values = new double[names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7) / 7.0;
        }

        Map<String, Label> ours = model.predict(new NameOrderedExample(names, values)).getOutputScores();
        Map<String, Label> tribuos = model.predict(tribuos(names, values)).getOutputScores();

        assertThat(ours).isEqualTo(tribuos);
    }

    @Test
    void changingTheCallersArraysLaterDoesNotChangeTheExample() {
        String[] names = {"a", "b"};
        double[] values = {1, 2};
        NameOrderedExample example = new NameOrderedExample(names, values);

        names[0] = "z";
        values[0] = 9;

        assertThat(features(example)).extracting(Feature::getName).containsExactly("a", "b");
        assertThat(features(example)).extracting(Feature::getValue).containsExactly(1.0, 2.0);
    }

    @Test
    void namesAndValuesMustPair() {
        assertThatThrownBy(() -> new NameOrderedExample(new String[] {"a"}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] everyNinetySeventhFeature(ImmutableFeatureMap features, int count) {
        String[] names = new String[count];
        for (int id = 0; id < count; id++) {
            names[id] = features.get(id * 97).getName();
        }
        return names;
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
