package dev.arbiter.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * The churn model: a Tribuo linear (logistic) classifier over {@link ProfileFeatures}, calibrated by temperature
 * scaling. Drivers compare the customer with the average training customer: per profile field, the sum over its
 * features of weight × (value − training mean) on the churn log-odds; the fields that raise the risk most come
 * first, named like {@code contract=Month-to-month}, with {@code (default)} when the value was a default.
 * Thread-safe (immutable after construction).
 */
public final class TribuoChurnClassifier implements ChurnClassifier {

    /** How many drivers a prediction names at most. */
    static final int DRIVERS = 5;
    private static final String DEFAULT = " (default)";

    private final AbstractLinearSGDModel<Label> model;
    private final ChurnModelSettings settings;
    private final ModelRef ref;
    private final ImmutableFeatureMap featureMap;
    private final String otherLabel;
    /** Per feature id: the churn label's weight minus the other label's, i.e. the weight on the churn log-odds. */
    private final double[] churnWeights;

    private TribuoChurnClassifier(AbstractLinearSGDModel<Label> model, ChurnModelSettings settings, String version) {
        this.model = model;
        this.settings = settings;
        this.ref = new ModelRef(ModelFiles.CHURN, version);
        this.featureMap = model.getFeatureIDMap();
        List<String> labels = List.of(LinearWeights.labels(model));
        if (labels.size() != 2 || !labels.contains(settings.churnLabel())) {
            throw new ModelLoadException("The churn model's labels " + labels + " are not two labels including "
                    + settings.churnLabel());
        }
        int churn = labels.indexOf(settings.churnLabel());
        this.otherLabel = labels.get(1 - churn);
        double[][] weights = LinearWeights.of(model);
        this.churnWeights = new double[featureMap.size()];
        for (int id = 0; id < churnWeights.length; id++) {
            churnWeights[id] = weights[churn][id] - weights[1 - churn][id];
        }
    }

    /**
     * Loads {@code churn.tribuo} and {@code churn-settings.json} from {@code directory}.
     *
     * @throws ModelLoadException when they cannot be read or do not belong together
     */
    public static TribuoChurnClassifier load(Path directory) {
        AbstractLinearSGDModel<Label> model = ModelFiles.loadLinearLabelModel(ModelFiles.modelFile(directory, ModelFiles.CHURN));
        return of(model, ModelFiles.readSettings(ModelFiles.settingsFile(directory, ModelFiles.CHURN), ChurnModelSettings.class));
    }

    /**
     * @throws ModelLoadException when the settings belong to another model or featuriser
     */
    public static TribuoChurnClassifier of(AbstractLinearSGDModel<Label> model, ChurnModelSettings settings) {
        String version = ModelFiles.checkSettings(ModelFiles.CHURN, model, settings.modelVersion(), settings.featuriser(),
                ProfileFeatures.ALGORITHM);
        return new TribuoChurnClassifier(model, settings, version);
    }

    @Override
    public ModelRef model() {
        return ref;
    }

    @Override
    public ChurnPrediction predict(Map<String, Object> profile) {
        ProfileFeatures.Completed completed = settings.profile().complete(profile);
        FeatureVector vector = settings.profile().features(completed);
        double risk = 1 / (1 + Math.exp(-rawLogOdds(vector) / settings.temperature()));
        return new ChurnPrediction(risk, drivers(completed, vector), completed.defaultsApplied());
    }

    /** @return the settings this model was loaded with */
    public ChurnModelSettings settings() {
        return settings;
    }

    /** @return per feature, its weight on the calibrated churn log-odds (the model's weight divided by the temperature) */
    public Map<String, Double> logOddsWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int id = 0; id < churnWeights.length; id++) {
            weights.put(featureMap.get(id).getName(), churnWeights[id] / settings.temperature());
        }
        return weights;
    }

    /** @return the model's uncalibrated churn log-odds for a completed profile: what temperature scaling is fitted on */
    public double rawLogOdds(ProfileFeatures.Completed profile) {
        return rawLogOdds(settings.profile().features(profile));
    }

    private double rawLogOdds(FeatureVector vector) {
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, vector.names(), vector.values()));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] logits = Softmax.logits(new double[] {scores.get(settings.churnLabel()).getScore(), scores.get(otherLabel).getScore()});
        return logits[0] - logits[1];
    }

    private List<Contribution> drivers(ProfileFeatures.Completed completed, FeatureVector vector) {
        Map<String, Double> byField = new LinkedHashMap<>();
        for (int i = 0; i < vector.size(); i++) {
            String name = vector.names()[i];
            int id = featureMap.getID(name);
            double weight = id < 0 ? 0 : churnWeights[id];
            double mean = settings.featureMeans().getOrDefault(name, 0.0);
            byField.merge(ProfileFeatures.fieldOf(name), weight * (vector.values()[i] - mean) / settings.temperature(), Double::sum);
        }
        List<Contribution> drivers = new ArrayList<>();
        byField.forEach((field, weight) -> {
            if (weight > 0) {
                String name = ProfileFeatures.readable(field, completed.values().get(field));
                drivers.add(new Contribution(completed.defaultsApplied().containsKey(field) ? name + DEFAULT : name, weight));
            }
        });
        drivers.sort(Comparator.comparingDouble(Contribution::weight).reversed().thenComparing(Contribution::feature));
        return List.copyOf(drivers.subList(0, Math.min(DRIVERS, drivers.size())));
    }
}
