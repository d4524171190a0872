package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;

/**
 * Serving encodes a message by looking its features up in the model ({@link KnownFeatures}); training names them
 * ({@link TextFeatures#encode}). Both must give the model exactly the same input: the same known features with the
 * same values, scaled over all features including the ones the model does not know.
 */
class KnownFeaturesTest {

    private static final TextFeatures TEXT = TextFeatures.standard();
    private static final double CONTEXT_WEIGHT = 0.75;

    private static ImmutableFeatureMap shipped;
    private static FeatureIndex index;

    @BeforeAll
    static void loadShippedIntentModel() {
        shipped = ModelFiles.loadLinearLabelModel(ModelFiles.modelFile(ReferencePredictions.MODELS, ModelFiles.INTENT))
                .getFeatureIDMap();
        index = new FeatureIndex(shipped);
    }

    static Stream<String[]> messagesWithContext() {
        List<String[]> cases = new ArrayList<>();
        for (ReferencePredictions.Message message : ReferencePredictions.messages()) {
            cases.add(new String[] {message.message(), message.history().isEmpty() ? null : message.history().get(0)});
        }
        cases.add(new String[] {"Where's my PARCEL #113542617735902?!", null});
        cases.add(new String[] {"I can’t log-in, café – Straße 東京 😀", "any update?"});
        cases.add(new String[] {"refund refund refund refund", "refund please"});
        cases.add(new String[] {"xqzv pfft zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", null});
        cases.add(new String[] {"  ...  ", "where is my order"});
        cases.add(new String[] {"", null});
        cases.add(new String[] {longMessage(), "and the invoice"});
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("messagesWithContext")
    void servingGivesTheModelExactlyWhatTrainingsFeaturesGiveIt(String message, String context) {
        KnownFeatures known = KnownFeatures.encode(TEXT, index, message, context, CONTEXT_WEIGHT);
        TextFeatures.Encoded named = TEXT.encode(message, context, CONTEXT_WEIGHT);

        KnownFeatures expected = knownOnly(named, shipped);
        assertThat(known.ids()).isEqualTo(expected.ids());
        assertThat(known.values()).isEqualTo(expected.values());
        assertThat(known.contextShare()).isEqualTo(expected.contextShare());
    }

    @ParameterizedTest
    @MethodSource("messagesWithContext")
    void unknownFeaturesStillCountTowardsUnitLength(String message, String context) {
        ImmutableFeatureMap few = modelKnowing("word:refund", "word:my", "chars:\" my \"", "chars:\"rcel \"");

        KnownFeatures known = KnownFeatures.encode(TEXT, new FeatureIndex(few), message, context, CONTEXT_WEIGHT);

        KnownFeatures expected = knownOnly(TEXT.encode(message, context, CONTEXT_WEIGHT), few);
        assertThat(known.ids()).isEqualTo(expected.ids());
        assertThat(known.values()).isEqualTo(expected.values());
    }

    /** @return the features of {@code named} that {@code model} knows, by id ascending: what Tribuo reads */
    private static KnownFeatures knownOnly(TextFeatures.Encoded named, ImmutableFeatureMap model) {
        String[] names = named.vector().names();
        Integer[] order = new Integer[names.length];
        Arrays.setAll(order, i -> i);
        int[] ids = Stream.of(order).filter(i -> model.getID(names[i]) >= 0)
                .sorted((a, b) -> Integer.compare(model.getID(names[a]), model.getID(names[b])))
                .mapToInt(Integer::intValue).toArray();
        return new KnownFeatures(Arrays.stream(ids).map(i -> model.getID(names[i])).toArray(),
                Arrays.stream(ids).mapToDouble(i -> named.vector().values()[i]).toArray(),
                Arrays.stream(ids).mapToDouble(i -> named.contextShare()[i]).toArray());
    }

    private static ImmutableFeatureMap modelKnowing(String... names) {
        MutableFeatureMap features = new MutableFeatureMap();
        for (String name : names) {
            features.add(name, 1.0);
        }
        return new ImmutableFeatureMap(features);
    }

    /** A message long enough that the serving path's table of counts has to grow several times. */
    private static String longMessage() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("order").append(i % 7 == 0 ? "s " : " ").append("parcel").append((char) ('a' + i % 26)).append(' ');
        }
        return text.toString();
    }
}
