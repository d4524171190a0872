package dev.arbiter.scoring;

/**
 * The models a decision may use. Either may be null: that model is not loaded, and policy fails safe without it.
 *
 * @param intent the intent classifier, or null
 * @param churn  the churn classifier, or null
 */
public record Models(IntentClassifier intent, ChurnClassifier churn) {

    /** @return no models at all: every score must come from the caller */
    public static Models none() {
        return new Models(null, null);
    }
}
