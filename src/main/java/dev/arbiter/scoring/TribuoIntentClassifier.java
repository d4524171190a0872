package dev.arbiter.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * The intent model: a Tribuo linear classifier over {@link TextFeatures}, calibrated by temperature scaling.
 * A message shorter than {@link IntentModelSettings#shortMessageWords()} words whose own top label is an intent with a
 * confidence below {@link IntentModelSettings#contextBelow()} is read again together with the last history message.
 * Explanations are the features with the largest weight × value for the top label; features that came from
 * the history are named {@code history:…}. Thread-safe (immutable after construction).
 */
public final class TribuoIntentClassifier implements IntentClassifier {

    /** How many features an explanation names at most. */
    static final int EXPLANATION_SIZE = 5;
    private static final String HISTORY = "history:";

    private final AbstractLinearSGDModel<Label> model;
    private final IntentModelSettings settings;
    private final ModelRef ref;
    private final ImmutableFeatureMap featureMap;
    private final String[] labels;
    private final double[][] weights;

    private TribuoIntentClassifier(AbstractLinearSGDModel<Label> model, IntentModelSettings settings, String version) {
        this.model = model;
        this.settings = settings;
        this.ref = new ModelRef(ModelFiles.INTENT, version);
        this.featureMap = model.getFeatureIDMap();
        this.labels = LinearWeights.labels(model);
        this.weights = LinearWeights.of(model);
        if (!List.of(labels).equals(settings.labels())) {
            throw new ModelLoadException("The intent settings list labels " + settings.labels()
                    + " but the model has " + List.of(labels));
        }
    }

    /**
     * Loads {@code intent.tribuo} and {@code intent-settings.json} from {@code directory}.
     *
     * @throws ModelLoadException when they cannot be read or do not belong together
     */
    public static TribuoIntentClassifier load(Path directory) {
        AbstractLinearSGDModel<Label> model = ModelFiles.loadLinearLabelModel(ModelFiles.modelFile(directory, ModelFiles.INTENT));
        return of(model, ModelFiles.readSettings(ModelFiles.settingsFile(directory, ModelFiles.INTENT), IntentModelSettings.class));
    }

    /**
     * @throws ModelLoadException when the settings belong to another model or featuriser
     */
    public static TribuoIntentClassifier of(AbstractLinearSGDModel<Label> model, IntentModelSettings settings) {
        String version = ModelFiles.checkSettings(ModelFiles.INTENT, model, settings.modelVersion(), settings.featuriser(),
                TextFeatures.ALGORITHM);
        return new TribuoIntentClassifier(model, settings, version);
    }

    @Override
    public ModelRef model() {
        return ref;
    }

    /** @return the settings this model was loaded with */
    public IntentModelSettings settings() {
        return settings;
    }

    @Override
    public IntentPrediction predict(String message, List<String> history) {
        IntentPrediction alone = predict(message, (String) null);
        if (history.isEmpty() || TextFeatures.words(message).size() >= settings.shortMessageWords()) {
            return alone;
        }
        LabelScore top = alone.ranked().get(0);
        if (top.label().equals(IntentModelSettings.OUT_OF_SCOPE) || top.score() >= settings.contextBelow()) {
            return alone;
        }
        return predict(message, history.get(history.size() - 1));
    }

    /** Scores {@code message} with {@code context} (or none when null), calibrated. */
    public IntentPrediction predict(String message, String context) {
        TextFeatures.Encoded encoded = settings.text().encode(message, context, settings.contextWeight());
        int[] ids = ids(encoded.vector());
        double[] logits = logits(encoded.vector(), ids);
        double[] probabilities = Softmax.probabilities(logits, settings.temperature());
        List<LabelScore> ranked = new ArrayList<>(labels.length);
        int top = 0;
        for (int i = 0; i < labels.length; i++) {
            ranked.add(new LabelScore(labels[i], probabilities[i]));
            top = probabilities[i] > probabilities[top] ? i : top;
        }
        ranked.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        return new IntentPrediction(List.copyOf(ranked), explain(encoded, ids, top));
    }

    /**
     * The model's uncalibrated logits for a message with context, in {@link IntentModelSettings#labels()} order:
     * what temperature scaling is fitted on.
     */
    public double[] rawLogits(String message, String context) {
        FeatureVector vector = settings.text().encode(message, context, settings.contextWeight()).vector();
        return logits(vector, ids(vector));
    }

    private int[] ids(FeatureVector vector) {
        int[] ids = new int[vector.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = featureMap.getID(vector.names()[i]);
        }
        return ids;
    }

    /** @return the Tribuo model's log-probabilities per label; all equal when no feature is known to the model */
    private double[] logits(FeatureVector vector, int[] ids) {
        boolean anyKnown = false;
        for (int id : ids) {
            anyKnown |= id >= 0;
        }
        double[] logits = new double[labels.length];
        if (!anyKnown) {
            return logits;
        }
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, vector.names(), vector.values()));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] probabilities = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            probabilities[i] = scores.get(labels[i]).getScore();
        }
        return Softmax.logits(probabilities);
    }

    private List<Contribution> explain(TextFeatures.Encoded encoded, int[] ids, int label) {
        FeatureVector vector = encoded.vector();
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                continue;
            }
            double total = weights[label][ids[i]] * vector.values()[i] / settings.temperature();
            double fromContext = total * encoded.contextShare()[i];
            if (total - fromContext > 0) {
                contributions.add(new Contribution(vector.names()[i], total - fromContext));
            }
            if (fromContext > 0) {
                contributions.add(new Contribution(HISTORY + vector.names()[i], fromContext));
            }
        }
        contributions.sort(Comparator.comparingDouble(Contribution::weight).reversed().thenComparing(Contribution::feature));
        return List.copyOf(contributions.subList(0, Math.min(EXPLANATION_SIZE, contributions.size())));
    }
}
