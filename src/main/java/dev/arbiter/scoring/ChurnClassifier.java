package dev.arbiter.scoring;

import java.util.List;
import java.util.Map;

/** A trained model that estimates the risk that a customer leaves. Implementations must be thread-safe. */
public interface ChurnClassifier {

    /** @return the model's name and version; never null */
    ModelRef model();

    /**
     * Scores a customer profile.
     *
     * @param profile the profile fields the caller sent, by their API names ({@code tenureMonths}, {@code contract},
     *                {@code monthlyCharges}, ...); never null, values never null, absent fields simply missing
     * @return the risk, its drivers and the defaults used for missing fields
     * @throws RuntimeException when the model cannot score; the caller fails safe
     */
    ChurnPrediction predict(Map<String, Object> profile);

    /**
     * The values each category field of the profile takes, as the model was trained on them; a request with any other
     * value for such a field is refused (a typo must not silently become the model's default). Matching ignores case
     * and surrounding spaces.
     *
     * @return per category field, by its API name, its known values in the model's order; never null, empty when the
     *         model restricts no field
     */
    Map<String, List<String>> categoryValues();
}
