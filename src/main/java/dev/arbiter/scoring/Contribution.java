package dev.arbiter.scoring;

/**
 * How much one input feature pushed a model's prediction: for a linear model, its weight times its value.
 *
 * @param feature the feature in readable form, e.g. {@code contract=Month-to-month} or {@code word:parcel}
 * @param weight  its contribution to the predicted label's score; positive pushes towards it
 */
public record Contribution(String feature, double weight) {
}
