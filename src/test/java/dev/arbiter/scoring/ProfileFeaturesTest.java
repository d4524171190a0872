package dev.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProfileFeaturesTest {

    private final ProfileFeatures features = ProfileFeatures.fit(List.of(
            profile(2, "Month-to-month", 80.0, false),
            profile(30, "Month-to-month", 60.0, true),
            profile(50, "Two year", 20.0, false)));

    @Test
    void defaultsAreTheTrainingMedianForNumbersAndTheMostFrequentValueOtherwise() {
        assertThat(features.defaults()).containsEntry("tenureMonths", 30.0).containsEntry("monthlyCharges", 60.0)
                .containsEntry("contract", "Month-to-month").containsEntry("partner", false);
    }

    @Test
    void everyMissingFieldGetsItsDefaultAndIsListed() {
        ProfileFeatures.Completed completed = features.complete(Map.of("tenureMonths", 4));

        assertThat(completed.values()).containsEntry("tenureMonths", 4.0).containsEntry("contract", "Month-to-month");
        assertThat(completed.defaultsApplied()).doesNotContainKey("tenureMonths")
                .containsEntry("contract", "Month-to-month").containsEntry("monthlyCharges", 60.0)
                .hasSize(ProfileFeatures.FIELDS.size() - 1);
    }

    @Test
    void categoryValuesMatchIgnoringCaseAndAnUnknownValueCountsAsMissing() {
        assertThat(features.complete(Map.of("contract", "two YEAR")).values()).containsEntry("contract", "Two year");

        ProfileFeatures.Completed unknown = features.complete(Map.of("contract", "Lifetime"));
        assertThat(unknown.values()).containsEntry("contract", "Month-to-month");
        assertThat(unknown.defaultsApplied()).containsEntry("contract", "Month-to-month");
    }

    @Test
    void numbersAreStandardisedAndCategoriesAreOneIndicatorPerKnownValue() {
        FeatureVector vector = features.features(features.complete(Map.of("tenureMonths", 30.0, "contract", "Two year")));

        assertThat(vector.valueOf("contract=Two year")).isEqualTo(1.0);
        assertThat(vector.valueOf("contract=Month-to-month")).isEqualTo(0.0);
        ProfileFeatures.NumberScale tenure = features.scales().get("tenureMonths");
        assertThat(vector.valueOf("tenureMonths")).isCloseTo((30 - tenure.mean()) / tenure.sd(), within(1e-12));
        assertThat(List.of(vector.names())).contains("tenureMonths:log", "partner=Yes", "partner=No");
    }

    @Test
    void everyProfileHasTheSameFeatureNamesInTheOrderOfItsValues() {
        ProfileFeatures.Completed sparse = features.complete(Map.of("contract", "Two year"));
        ProfileFeatures.Completed other = features.complete(Map.of("tenureMonths", 2.0, "partner", true));

        assertThat(features.features(sparse).names()).containsExactly(features.featureNames());
        assertThat(features.features(other).names()).containsExactly(features.featureNames());
        assertThat(features.features(sparse).values()).containsExactly(features.values(sparse));
    }

    @Test
    void aTelcoCsvRowIsReadWithoutGenderOrSeniorCitizen() {
        Map<String, Object> profile = ProfileFeatures.fromCsv(telcoRow());

        assertThat(profile).containsEntry("tenureMonths", 1.0).containsEntry("partner", true)
                .containsEntry("paymentMethod", "Electronic check").doesNotContainKey("totalCharges");
        assertThat(profile.keySet()).noneMatch(name -> name.toLowerCase().contains("gender") || name.toLowerCase().contains("senior"));
    }

    @Test
    void aMalformedYesNoCellIsRejectedWithTheColumn() {
        Map<String, String> row = telcoRow();
        row.put("Partner", "Maybe");

        assertThatThrownBy(() -> ProfileFeatures.fromCsv(row)).hasMessageContaining("Partner is not Yes or No");
    }

    @Test
    void fieldsAndReadableValuesOfFeatures() {
        assertThat(ProfileFeatures.fieldOf("contract=Month-to-month")).isEqualTo("contract");
        assertThat(ProfileFeatures.fieldOf("tenureMonths:log")).isEqualTo("tenureMonths");
        assertThat(ProfileFeatures.readable("tenureMonths", 2.0)).isEqualTo("tenureMonths=2");
        assertThat(ProfileFeatures.readable("partner", false)).isEqualTo("partner=No");
    }

    private static Map<String, Object> profile(double tenure, String contract, double monthly, boolean partner) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("tenureMonths", tenure);
        profile.put("contract", contract);
        profile.put("monthlyCharges", monthly);
        profile.put("totalCharges", tenure * monthly);
        profile.put("partner", partner);
        profile.put("dependents", false);
        profile.put("phoneService", true);
        profile.put("paperlessBilling", true);
        for (String field : List.of("multipleLines", "internetService", "onlineSecurity", "onlineBackup", "deviceProtection",
                "techSupport", "streamingTV", "streamingMovies")) {
            profile.put(field, "No");
        }
        profile.put("paymentMethod", "Electronic check");
        return profile;
    }

    /** The first customer of the IBM Telco file, with a blank TotalCharges. */
    private static Map<String, String> telcoRow() {
        Map<String, String> row = new LinkedHashMap<>();
        String[] header = ("customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService,"
                + "OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract,PaperlessBilling,"
                + "PaymentMethod,MonthlyCharges,TotalCharges,Churn").split(",");
        String[] cells = "7590-VHVEG,Female,0,Yes,No,1,No,No phone service,DSL,No,Yes,No,No,No,No,Month-to-month,Yes,Electronic check,29.85, ,No"
                .split(",");
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], cells[i]);
        }
        return row;
    }
}
