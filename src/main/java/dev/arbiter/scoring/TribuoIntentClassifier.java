package dev.arbiter.scoring;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;

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
    private final String[] labels;
    private final double[][] weights;
    /** The model's feature ids by name, and its own name strings. */
    private final FeatureIndex features;

    private TribuoIntentClassifier(AbstractLinearSGDModel<Label> model, IntentModelSettings settings, String version) {
        this.model = model;
        this.settings = settings;
        this.ref = new ModelRef(ModelFiles.INTENT, version);
        this.labels = LinearWeights.labels(model);
        this.weights = LinearWeights.of(model);
        this.features = new FeatureIndex(model.getFeatureIDMap());
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
        if (history.isEmpty() || TextFeatures.wordCount(message) >= settings.shortMessageWords()) {
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
        KnownFeatures known = encode(message, context);
        double[] probabilities = Softmax.probabilities(logits(known), settings.temperature());
        int[] order = highestFirst(probabilities);
        LabelScore[] ranked = new LabelScore[labels.length];
        for (int k = 0; k < order.length; k++) {
            ranked[k] = new LabelScore(labels[order[k]], probabilities[order[k]]);
        }
        return new IntentPrediction(List.of(ranked), explain(known, order[0]));
    }

    /**
     * @return the label indexes by probability, highest first, as {@link Double#compare} orders them (NaN first),
     *         equal probabilities in label order; an insertion sort of primitives (a few dozen labels, every message)
     */
    static int[] highestFirst(double[] probabilities) {
        int[] order = new int[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            int at = i;
            while (at > 0 && Double.compare(probabilities[order[at - 1]], probabilities[i]) < 0) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
        return order;
    }

    /**
     * The model's uncalibrated logits for a message with context, in {@link IntentModelSettings#labels()} order:
     * what temperature scaling is fitted on.
     */
    public double[] rawLogits(String message, String context) {
        return logits(encode(message, context));
    }

    private KnownFeatures encode(String message, String context) {
        return KnownFeatures.encode(settings.text(), features, message, context, settings.contextWeight());
    }

    /**
     * @return the Tribuo model's log-probabilities per label; all equal when no feature is known to the model. Tribuo
     *         gets only the known features (it ignores the others) in its own order (by id, which is by name), named
     *         by the model's own strings: the same prediction with less searching.
     */
    private double[] logits(KnownFeatures known) {
        double[] logits = new double[labels.length];
        if (known.size() == 0) {
            return logits;
        }
        String[] names = new String[known.size()];
        for (int k = 0; k < names.length; k++) {
            names[k] = features.name(known.ids()[k]);
        }
        Prediction<Label> prediction = model.predict(new NameOrderedExample(names, known.values()));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] probabilities = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            probabilities[i] = scores.get(labels[i]).getScore();
        }
        return Softmax.logits(probabilities);
    }

    /** @return the {@link #EXPLANATION_SIZE} largest contributions to {@code label}, largest first, ties by name */
    private List<Contribution> explain(KnownFeatures known, int label) {
        Strongest strongest = new Strongest(EXPLANATION_SIZE);
        for (int i = 0; i < known.size(); i++) {
            int id = known.ids()[i];
            double total = weights[label][id] * known.values()[i] / settings.temperature();
            double fromContext = total * known.contextShare()[i];
            if (total - fromContext > 0 && strongest.mayTake(total - fromContext)) {
                strongest.offer(new Contribution(features.name(id), total - fromContext));
            }
            if (fromContext > 0 && strongest.mayTake(fromContext)) {
                strongest.offer(new Contribution(HISTORY + features.name(id), fromContext));
            }
        }
        return strongest.list();
    }

    /**
     * The first few contributions in the order largest weight first, then by feature name: what sorting all of them
     * and keeping the first few gives, without sorting all of them. Not thread-safe (one per explanation).
     */
    private static final class Strongest {

        private static final Comparator<Contribution> ORDER = Comparator.comparingDouble(Contribution::weight).reversed()
                .thenComparing(Contribution::feature);

        private final Contribution[] kept;
        private int size;

        Strongest(int capacity) {
            this.kept = new Contribution[capacity];
        }

        /** @return false when a contribution of this weight cannot be among the kept ones */
        boolean mayTake(double weight) {
            return size < kept.length || weight >= kept[size - 1].weight();
        }

        void offer(Contribution contribution) {
            int at = size;
            while (at > 0 && ORDER.compare(contribution, kept[at - 1]) < 0) {
                at--;
            }
            if (at == kept.length) {
                return;
            }
            int last = Math.min(size, kept.length - 1);
            System.arraycopy(kept, at, kept, at + 1, last - at);
            kept[at] = contribution;
            size = Math.min(size + 1, kept.length);
        }

        List<Contribution> list() {
            return List.of(Arrays.copyOf(kept, size));
        }
    }
}
