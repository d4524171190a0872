package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private final TextFeatures text = TextFeatures.standard();

    @Test
    void normalisationDropsApostrophesCaseAccentsAndNumbers() {
        assertThat(TextFeatures.normalise("Where's my PARCEL #113542617735902?!")).isEqualTo("wheres my parcel 0");
        assertThat(TextFeatures.normalise("I can’t log-in, café")).isEqualTo("i cant log in cafe");
        assertThat(TextFeatures.normalise("  ...  ")).isEmpty();
    }

    @Test
    void aMessageHasWordsWordPairsAndCharacterGramsWithReadableNames() {
        List<String> names = List.of(text.features("my parcel").names());

        assertThat(names).contains("word:parcel", "words:\"my parcel\"", "chars:\" parc\"", "chars:\"arcel\"", "chars:\"el \"");
    }

    @Test
    void aMisspellingSharesMostCharacterGramsWithTheRightWord() {
        Set<String> right = charGrams("password");
        Set<String> misspelt = charGrams("pasword");

        Set<String> shared = new HashSet<>(right);
        shared.retainAll(misspelt);
        assertThat(shared).contains("chars:\" pas\"", "chars:\"word \"");
        assertThat((double) shared.size() / misspelt.size()).isGreaterThan(0.4);
        assertThat(text.features("pasword").names()).doesNotContain("word:password");
    }

    @Test
    void valuesHaveUnitLengthWhateverTheMessageLength() {
        assertThat(norm(text.features("refund"))).isCloseTo(1, within(1e-12));
        assertThat(norm(text.features("i would like to know how long it takes to get my refund back"))).isCloseTo(1, within(1e-12));
    }

    @Test
    void contextAddsTheEarlierMessagesFeaturesAndTellsTheirShare() {
        TextFeatures.Encoded encoded = text.encode("any update", "where is my refund", 0.75);

        FeatureVector vector = encoded.vector();
        int refund = List.of(vector.names()).indexOf("word:refund");
        int update = List.of(vector.names()).indexOf("word:update");
        assertThat(encoded.contextShare()[refund]).isEqualTo(1.0);
        assertThat(encoded.contextShare()[update]).isEqualTo(0.0);
        assertThat(vector.values()[refund]).isCloseTo(0.75 * vector.values()[update], within(1e-12));
    }

    @Test
    void eachEmittedFeatureComesWithItsNamesStringHash() {
        List<String> emitted = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        text.forEachFeature("Where's my parcel, Straße 東京 0815?", (name, length, hash) -> {
            String feature = new String(name, 0, length);
            emitted.add(feature);
            if (feature.hashCode() != hash) {
                mismatched.add(feature);
            }
        });

        assertThat(emitted).contains("word:straße", "word:東京", "words:\"my parcel\"", "chars:\" 0 \"").hasSizeGreaterThan(50);
        assertThat(mismatched).isEmpty();
    }

    private Set<String> charGrams(String word) {
        Set<String> grams = new HashSet<>();
        for (String name : text.features(word).names()) {
            if (name.startsWith("chars:")) {
                grams.add(name);
            }
        }
        return grams;
    }

    private static double norm(FeatureVector vector) {
        double squares = 0;
        for (double value : vector.values()) {
            squares += value * value;
        }
        return Math.sqrt(squares);
    }
}
