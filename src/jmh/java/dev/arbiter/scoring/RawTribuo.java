package dev.arbiter.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * The shipped Tribuo models ({@code models/intent.tribuo}, {@code models/churn.tribuo}) called directly, the way a
 * caller without the service would: {@code Model.predict(Example)} on examples built beforehand. The examples are
 * the ones the decision pipeline builds for a request (same features, same values), and as many as it predicts:
 * one for the message, a second one with the last history message as context when the pipeline reads a short
 * ambiguous message again, and one for the churn profile. Benchmark support; thread-safe once built.
 */
public final class RawTribuo {

    private final AbstractLinearSGDModel<Label> intentModel;
    private final AbstractLinearSGDModel<Label> churnModel;
    private final TribuoIntentClassifier intent;
    private final TribuoChurnClassifier churn;

    private RawTribuo(Path directory) {
        this.intentModel = ModelFiles.loadLinearLabelModel(ModelFiles.modelFile(directory, ModelFiles.INTENT));
        this.churnModel = ModelFiles.loadLinearLabelModel(ModelFiles.modelFile(directory, ModelFiles.CHURN));
        this.intent = TribuoIntentClassifier.load(directory);
        this.churn = TribuoChurnClassifier.load(directory);
    }

    /** @throws ModelLoadException when the shipped models cannot be read */
    public static RawTribuo load(Path directory) {
        return new RawTribuo(directory);
    }

    /** The examples Tribuo gets for one decision, per model (either list may be empty). */
    public record Examples(List<Example<Label>> intent, List<Example<Label>> churn) {

        /** @return how many predictions one decision makes */
        public int size() {
            return intent.size() + churn.size();
        }
    }

    /**
     * @param message the customer's message; null when the caller supplied the intent (nothing to predict)
     * @param history earlier messages, oldest first
     * @param profile the churn profile fields; null when the caller supplied the risk or sent no profile
     * @return the examples the pipeline predicts for these inputs, in its order
     */
    public Examples examplesOf(String message, List<String> history, Map<String, Object> profile) {
        List<Example<Label>> intentExamples = new ArrayList<>();
        if (message != null) {
            addIntent(message, null, intentExamples);
            if (readsAgainWithHistory(message, history)) {
                addIntent(message, history.get(history.size() - 1), intentExamples);
            }
        }
        List<Example<Label>> churnExamples = new ArrayList<>();
        if (profile != null) {
            ProfileFeatures features = churn.settings().profile();
            churnExamples.add(example(features.features(features.complete(profile))));
        }
        return new Examples(List.copyOf(intentExamples), List.copyOf(churnExamples));
    }

    /** The rule of {@link TribuoIntentClassifier#predict(String, List)}: a short, ambiguous message is read again. */
    private boolean readsAgainWithHistory(String message, List<String> history) {
        IntentModelSettings settings = intent.settings();
        if (history.isEmpty() || TextFeatures.words(message).size() >= settings.shortMessageWords()) {
            return false;
        }
        LabelScore top = intent.predict(message, (String) null).ranked().get(0);
        return !top.label().equals(IntentModelSettings.OUT_OF_SCOPE) && top.score() < settings.contextBelow();
    }

    /** Adds the example of a message (with context) unless no feature is known to the model: then nothing is predicted. */
    private void addIntent(String message, String context, List<Example<Label>> examples) {
        IntentModelSettings settings = intent.settings();
        FeatureVector vector = settings.text().encode(message, context, settings.contextWeight()).vector();
        ImmutableFeatureMap known = intentModel.getFeatureIDMap();
        for (String name : vector.names()) {
            if (known.getID(name) >= 0) {
                examples.add(example(vector));
                return;
            }
        }
    }

    private static Example<Label> example(FeatureVector vector) {
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, vector.names(), vector.values());
    }

    /** @return the intent model's prediction for one example */
    public Prediction<Label> predictIntent(Example<Label> example) {
        return intentModel.predict(example);
    }

    /** @return the churn model's prediction for one example */
    public Prediction<Label> predictChurn(Example<Label> example) {
        return churnModel.predict(example);
    }
}
