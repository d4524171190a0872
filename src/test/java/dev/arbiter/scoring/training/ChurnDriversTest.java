package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.arbiter.scoring.ChurnPrediction;
import dev.arbiter.scoring.Contribution;
import dev.arbiter.scoring.ProfileFeatures;
import dev.arbiter.scoring.TribuoChurnClassifier;

/**
 * How a churn prediction names its drivers, on a model trained on a small synthetic book of customers in which only
 * having a partner and having dependents vary — always together, four customers in five have both — and both go with
 * leaving: the two fields get the same weight, every other field none.
 */
class ChurnDriversTest {

    private static final int CUSTOMERS = 400;

    @Test
    void fieldsThatRaiseTheRiskEquallyAreNamedInNameOrder() {
        ChurnPrediction prediction = trainedOnTwinFields().predict(profile(true));

        assertThat(prediction.drivers()).extracting(Contribution::feature).containsExactly("dependents=Yes", "partner=Yes");
        assertThat(prediction.drivers().get(0).weight()).isPositive().isEqualTo(prediction.drivers().get(1).weight());
    }

    @Test
    void fieldsThatDoNotRaiseTheRiskAreNotDrivers() {
        ChurnPrediction prediction = trainedOnTwinFields().predict(profile(false));

        assertThat(prediction.drivers()).isEmpty();
    }

    @Test
    void aFieldFilledWithItsDefaultIsNamedSo() {
        Map<String, Object> withoutDependents = profile(true);
        withoutDependents.remove("dependents");

        ChurnPrediction prediction = trainedOnTwinFields().predict(withoutDependents);

        assertThat(prediction.drivers()).extracting(Contribution::feature).containsExactly("dependents=Yes (default)", "partner=Yes");
    }

    private static TribuoChurnClassifier trainedOnTwinFields() {
        return ChurnTraining.fit(customers(), 7, "synthetic").classifier();
    }

    /** Four in five with partner and dependents, three in four of whom leave; the others, one in four of whom leave. */
    private static List<ChurnTraining.Customer> customers() {
        List<ChurnTraining.Customer> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            boolean family = i % 5 != 0;
            boolean leaves = family ? i % 4 != 0 : i % 4 == 0;
            customers.add(new ChurnTraining.Customer(profile(family), leaves ? ChurnTraining.CHURN : "No"));
        }
        return customers;
    }

    /** Every field the same for everyone, except partner and dependents. */
    private static Map<String, Object> profile(boolean family) {
        Map<String, Object> profile = new LinkedHashMap<>();
        for (ProfileFeatures.Field field : ProfileFeatures.FIELDS) {
            profile.put(field.name(), switch (field.kind()) {
                case NUMBER -> 24.0;
                case YES_NO -> false;
                case CATEGORY -> "No";
            });
        }
        profile.put("partner", family);
        profile.put("dependents", family);
        return profile;
    }
}
