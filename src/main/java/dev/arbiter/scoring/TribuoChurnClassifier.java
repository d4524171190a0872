package dev.arbiter.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;

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
    /** The profile's feature names, in the featuriser's order; the per-feature arrays below follow it. */
    private final String[] featureNames;
    /** Per feature: its weight on the churn log-odds (0 when the model does not know it). */
    private final double[] featureWeights;
    /** Per feature: its training mean (0 when the settings have none). */
    private final double[] featureMeans;
    /** The fields the features belong to ({@link ProfileFeatures#fieldOf}), each once, in the order of its first feature. */
    private final String[] fields;
    /** Per feature: the index in {@link #fields} of the field it belongs to. */
    private final int[] featureFields;
    /** The features in the order a Tribuo example keeps them (by name), as indexes into {@link #featureNames}. */
    private final int[] exampleOrder;
    /** The feature names in {@link #exampleOrder}, as the model's own strings where it knows them. */
    private final String[] exampleNames;

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
        this.featureNames = settings.profile().featureNames();
        this.featureWeights = new double[featureNames.length];
        this.featureMeans = new double[featureNames.length];
        this.featureFields = new int[featureNames.length];
        List<String> fieldNames = new ArrayList<>();
        for (int i = 0; i < featureNames.length; i++) {
            int id = featureMap.getID(featureNames[i]);
            featureWeights[i] = id < 0 ? 0 : churnWeights[id];
            featureMeans[i] = settings.featureMeans().getOrDefault(featureNames[i], 0.0);
            String field = ProfileFeatures.fieldOf(featureNames[i]);
            if (!fieldNames.contains(field)) {
                fieldNames.add(field);
            }
            featureFields[i] = fieldNames.indexOf(field);
        }
        this.fields = fieldNames.toArray(String[]::new);
        this.exampleOrder = IntStream.range(0, featureNames.length).boxed()
                .sorted(Comparator.comparing(i -> featureNames[i])).mapToInt(Integer::intValue).toArray();
        this.exampleNames = new String[featureNames.length];
        for (int k = 0; k < exampleOrder.length; k++) {
            int id = featureMap.getID(featureNames[exampleOrder[k]]);
            exampleNames[k] = id < 0 ? featureNames[exampleOrder[k]] : featureMap.get(id).getName();
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
        FeatureVector vector = new FeatureVector(featureNames, settings.profile().values(completed));
        double risk = 1 / (1 + Math.exp(-rawLogOdds(vector.values()) / settings.temperature()));
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
        return rawLogOdds(settings.profile().values(profile));
    }

    /** The example lists the features already in Tribuo's order, named by the model's strings: less to sort and search. */
    private double rawLogOdds(double[] values) {
        double[] ordered = new double[values.length];
        for (int k = 0; k < ordered.length; k++) {
            ordered[k] = values[exampleOrder[k]];
        }
        Prediction<Label> prediction = model.predict(new NameOrderedExample(exampleNames, ordered));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] logits = Softmax.logits(new double[] {scores.get(settings.churnLabel()).getScore(), scores.get(otherLabel).getScore()});
        return logits[0] - logits[1];
    }

    /** Per field, in the order of its first feature, the sum over its features of weight × (value − mean). */
    private List<Contribution> drivers(ProfileFeatures.Completed completed, FeatureVector vector) {
        double[] byField = new double[fields.length];
        for (int i = 0; i < vector.size(); i++) {
            byField[featureFields[i]] += featureWeights[i] * (vector.values()[i] - featureMeans[i]) / settings.temperature();
        }
        List<Contribution> drivers = new ArrayList<>();
        for (int f = 0; f < fields.length; f++) {
            String field = fields[f];
            double weight = byField[f];
            if (weight > 0) {
                String name = ProfileFeatures.readable(field, completed.values().get(field));
                drivers.add(new Contribution(completed.defaultsApplied().containsKey(field) ? name + DEFAULT : name, weight));
            }
        }
        drivers.sort(Comparator.comparingDouble(Contribution::weight).reversed().thenComparing(Contribution::feature));
        return List.copyOf(drivers.subList(0, Math.min(DRIVERS, drivers.size())));
    }
}
