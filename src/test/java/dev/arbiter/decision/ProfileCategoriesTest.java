package dev.arbiter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.arbiter.scoring.ChurnClassifier;
import dev.arbiter.scoring.ChurnPrediction;
import dev.arbiter.scoring.ModelRef;
import dev.arbiter.scoring.TribuoChurnClassifier;

/** A profile's category values are checked against the churn model that is loaded, not against a list in the code. */
class ProfileCategoriesTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aValueTheShippedModelDoesNotKnowIsNamedWithTheModelsValues() {
        List<ProfileCategories.UnknownValue> unknown = ProfileCategories.unknownValues(
                request(profile("Forever", "Electronic check")), shippedChurnModel());

        assertThat(unknown).containsExactly(new ProfileCategories.UnknownValue("customer.profile.contract",
                List.of("Month-to-month", "One year", "Two year")));
        assertThat(unknown.get(0).message()).isEqualTo("must be one of [Month-to-month, One year, Two year]");
    }

    @Test
    void everyValueTheShippedModelWasTrainedOnIsAcceptedIgnoringCaseAndSpaces() {
        ChurnClassifier model = shippedChurnModel();

        assertThat(ProfileCategories.unknownValues(request(profile(" two YEAR ", "mailed check")), model)).isEmpty();
        model.categoryValues().forEach((field, values) -> assertThat(values).as(field).isNotEmpty());
        assertThat(model.categoryValues()).containsOnlyKeys("contract", "multipleLines", "internetService",
                "onlineSecurity", "onlineBackup", "deviceProtection", "techSupport", "streamingTV", "streamingMovies",
                "paymentMethod");
    }

    @Test
    void aRetrainedModelsValuesReplaceTheShippedOnes() {
        ChurnClassifier retrained = modelKnowing(Map.of("contract", List.of("Monthly", "Biennial")));

        assertThat(ProfileCategories.unknownValues(request(profile("Biennial", null)), retrained)).isEmpty();
        assertThat(ProfileCategories.unknownValues(request(profile("Two year", null)), retrained))
                .extracting(ProfileCategories.UnknownValue::field).containsExactly("customer.profile.contract");
    }

    @Test
    void everyUnknownFieldIsNamedInTheProfilesOrder() {
        List<ProfileCategories.UnknownValue> unknown = ProfileCategories.unknownValues(
                request(profile("Forever", "Cash")), shippedChurnModel());

        assertThat(unknown).extracting(ProfileCategories.UnknownValue::field)
                .containsExactly("customer.profile.contract", "customer.profile.paymentMethod");
    }

    @Test
    void withoutAChurnModelOrAProfileNothingIsRefused() {
        assertThat(ProfileCategories.unknownValues(request(profile("Forever", "Cash")), null)).isEmpty();
        assertThat(ProfileCategories.unknownValues(request(null), shippedChurnModel())).isEmpty();
    }

    private static ChurnClassifier shippedChurnModel() {
        return TribuoChurnClassifier.load(Path.of("models"));
    }

    private static ChurnClassifier modelKnowing(Map<String, List<String>> categories) {
        return new ChurnClassifier() {
            @Override
            public ModelRef model() {
                return new ModelRef("churn", "retrained");
            }

            @Override
            public ChurnPrediction predict(Map<String, Object> profile) {
                return new ChurnPrediction(0.5, List.of(), Map.of());
            }

            @Override
            public Map<String, List<String>> categoryValues() {
                return categories;
            }
        };
    }

    private static DecisionRequest.Profile profile(String contract, String paymentMethod) {
        return new DecisionRequest.Profile(14, contract, 80.0, 1100.0, true, false, true, "No", "Fiber optic", "No",
                "Yes", "No", "No", "Yes", "No", true, paymentMethod);
    }

    private static DecisionRequest request(DecisionRequest.Profile profile) {
        DecisionRequest.Customer customer = new DecisionRequest.Customer("c-1", Tier.GOLD, 100.0, "Europe/Berlin", null,
                List.of(), List.of(), List.of(), profile, null);
        return new DecisionRequest("r-1", "RETAIL", AT, customer,
                new DecisionRequest.Interaction(Channel.CHAT, "I want to cancel", List.of(), null, null, null), List.of());
    }
}
