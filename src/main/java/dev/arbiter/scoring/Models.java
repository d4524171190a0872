package dev.arbiter.scoring;

/**
 * The models a decision may use. Either may be null: that model is not loaded, and policy fails safe without it.
 *
 * @param intent the intent classifier, or null
 * @param churn  the churn classifier, or null
 */
public record Models(IntentClassifier intent, ChurnClassifier churn) {

    /**
     * Loads the models whose files are in {@code directory} (as the service does at start), for use outside the
     * Spring context; a model whose file is absent is null.
     *
     * @throws ModelLoadException when a model file exists but cannot be loaded
     */
    public static Models loadFrom(java.nio.file.Path directory) {
        IntentClassifier intent = java.nio.file.Files.exists(ModelFiles.modelFile(directory, ModelFiles.INTENT))
                ? TribuoIntentClassifier.load(directory) : null;
        ChurnClassifier churn = java.nio.file.Files.exists(ModelFiles.modelFile(directory, ModelFiles.CHURN))
                ? TribuoChurnClassifier.load(directory) : null;
        return new Models(intent, churn);
    }

    /** @return no models at all: every score must come from the caller */
    public static Models none() {
        return new Models(null, null);
    }
}
