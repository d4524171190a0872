package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;

/** The feature index answers exactly what Tribuo's feature map answers, only faster. */
class FeatureIndexTest {

    private static ImmutableFeatureMap features(String... names) {
        MutableFeatureMap features = new MutableFeatureMap();
        for (String name : names) {
            features.add(name, 1.0);
        }
        return new ImmutableFeatureMap(features);
    }

    @Test
    void everyFeatureOfTheShippedIntentModelHasTribuosIdAndString() {
        ImmutableFeatureMap shipped = ModelFiles.loadLinearLabelModel(ModelFiles.modelFile(ReferencePredictions.MODELS, ModelFiles.INTENT))
                .getFeatureIDMap();
        FeatureIndex index = new FeatureIndex(shipped);

        for (int id = 0; id < shipped.size(); id++) {
            String name = shipped.get(id).getName();
            assertThat(index.id(new String(name.toCharArray()))).as(name).isEqualTo(id);
            assertThat(index.name(id)).isSameAs(name);
        }
    }

    @Test
    void aNameTheModelDoesNotKnowHasNoIdEvenWhenItsHashCollides() {
        FeatureIndex index = new FeatureIndex(features("Aa", "word:parcel", "chars:\" pa\""));

        assertThat("BB".hashCode()).isEqualTo("Aa".hashCode());
        assertThat(index.id("BB")).isEqualTo(-1);
        assertThat(index.id("word:parce")).isEqualTo(-1);
        assertThat(index.id("")).isEqualTo(-1);
        assertThat(index.id("Aa")).isNotNegative();
    }

    @Test
    void namesBeyondLatin1AreFound() {
        ImmutableFeatureMap map = features("word:straße", "word:東京", "word:cafe");
        FeatureIndex index = new FeatureIndex(map);

        assertThat(index.id("word:東京")).isEqualTo(map.getID("word:東京"));
        assertThat(index.id("word:straße")).isEqualTo(map.getID("word:straße"));
        assertThat(index.id("word:東")).isEqualTo(-1);
    }

    @Test
    void anEmptyModelKnowsNoName() {
        assertThat(new FeatureIndex(features()).id("word:parcel")).isEqualTo(-1);
    }
}
