package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins what the shipped models in {@code models/} say about fixed inputs, so that a changed model file, settings file or
 * featuriser shows up here. After a deliberate retrain, regenerate the expected file ({@link ReferencePredictions}).
 */
class ShippedModelsReferenceTest {

    private static final double TOLERANCE = 1e-6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TribuoIntentClassifier intent;
    private static TribuoChurnClassifier churn;
    private static JsonNode expected;

    @BeforeAll
    static void loadTheShippedModels() throws IOException {
        intent = TribuoIntentClassifier.load(ReferencePredictions.MODELS);
        churn = TribuoChurnClassifier.load(ReferencePredictions.MODELS);
        expected = JSON.readTree(Files.readString(ReferencePredictions.EXPECTED));
    }

    private static JsonNode actual() {
        return JSON.valueToTree(ReferencePredictions.compute(intent, churn));
    }

    @Test
    void theIntentModelGivesThePinnedTopLabelsAndProbabilities() {
        JsonNode actual = actual().get("intent");

        assertThat(actual.size()).isEqualTo(expected.get("intent").size());
        for (int i = 0; i < actual.size(); i++) {
            JsonNode want = expected.get("intent").get(i);
            JsonNode got = actual.get(i);
            assertThat(got.get("message").asString()).isEqualTo(want.get("message").asString());
            for (int rank = 0; rank < 3; rank++) {
                String what = want.get("message").asString() + " rank " + (rank + 1);
                assertThat(got.get("top").get(rank).get("label").asString()).as(what).isEqualTo(want.get("top").get(rank).get("label").asString());
                assertThat(got.get("top").get(rank).get("score").asDouble()).as(what)
                        .isCloseTo(want.get("top").get(rank).get("score").asDouble(), within(TOLERANCE));
            }
            assertThat(got.get("explanation")).as(want.get("message").asString()).isEqualTo(want.get("explanation"));
        }
    }

    @Test
    void theChurnModelGivesThePinnedRisksDriversAndDefaults() {
        JsonNode actual = actual().get("churn");

        assertThat(actual.size()).isEqualTo(expected.get("churn").size());
        for (int i = 0; i < actual.size(); i++) {
            JsonNode want = expected.get("churn").get(i);
            JsonNode got = actual.get(i);
            assertThat(got.get("risk").asDouble()).as("risk of profile %d", i).isCloseTo(want.get("risk").asDouble(), within(TOLERANCE));
            assertThat(got.get("drivers")).as("drivers of profile %d", i).isEqualTo(want.get("drivers"));
            assertThat(got.get("defaultsApplied")).as("defaults of profile %d", i).isEqualTo(want.get("defaultsApplied"));
        }
    }

    @Test
    void everyIntentPredictionRanksAllLabelsWithProbabilitiesThatSumToOne() {
        IntentPrediction prediction = intent.predict("where is my refund", List.of());

        assertThat(prediction.ranked()).hasSize(intent.settings().labels().size());
        assertThat(prediction.ranked().stream().mapToDouble(LabelScore::score).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(prediction.ranked()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(prediction.explanation()).hasSizeLessThanOrEqualTo(TribuoIntentClassifier.EXPLANATION_SIZE)
                .allSatisfy(contribution -> assertThat(contribution.weight()).isPositive());
    }

    @Test
    void aShortFollowUpIsReadWithTheLastHistoryMessageAndTheExplanationSaysSo() {
        IntentPrediction prediction = intent.predict("any update?", List.of("I want to track order 00123842"));

        assertThat(prediction.ranked().get(0).label()).isEqualTo("track_order");
        assertThat(prediction.explanation()).anySatisfy(contribution -> assertThat(contribution.feature()).startsWith("history:"));
    }

    @Test
    void aMessageWithNoKnownFeatureGetsEqualProbabilitiesSoItIsNeverAutomated() {
        IntentPrediction prediction = intent.predict("zzzzqqqq", List.of());

        assertThat(prediction.ranked().get(0).score()).isCloseTo(1.0 / intent.settings().labels().size(), within(1e-9));
        assertThat(prediction.explanation()).isEmpty();
    }

    @Test
    void churnDriversOnlyRaiseTheRiskAndNameTheValueAndWhetherItWasADefault() {
        ChurnPrediction prediction = churn.predict(java.util.Map.of("tenureMonths", 1, "contract", "Month-to-month"));

        assertThat(prediction.drivers()).isNotEmpty().hasSizeLessThanOrEqualTo(TribuoChurnClassifier.DRIVERS)
                .allSatisfy(driver -> assertThat(driver.weight()).isPositive());
        assertThat(prediction.drivers()).extracting(Contribution::feature).contains("tenureMonths=1", "contract=Month-to-month");
        assertThat(prediction.drivers()).extracting(Contribution::feature).filteredOn(name -> name.startsWith("internetService"))
                .allSatisfy(name -> assertThat(name).endsWith("(default)"));
        assertThat(prediction.defaultsApplied()).containsKeys("monthlyCharges", "internetService").doesNotContainKey("contract");
    }

    @Test
    void modelVersionsAreTheSha256OfTheProvenanceFilesShippedWithThem() throws IOException {
        assertThat(intent.model().version()).isEqualTo(ModelFiles.sha256(Files.readAllBytes(
                ModelFiles.provenanceFile(ReferencePredictions.MODELS, ModelFiles.INTENT))));
        assertThat(churn.model().version()).isEqualTo(ModelFiles.sha256(Files.readAllBytes(
                ModelFiles.provenanceFile(ReferencePredictions.MODELS, ModelFiles.CHURN))));
        assertThat(List.of(intent.model().name(), churn.model().name())).containsExactly("intent", "churn");
    }
}
