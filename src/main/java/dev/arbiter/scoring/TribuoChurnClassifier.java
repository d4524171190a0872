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
    /** The category fields' known values ({@link #categoryValues()}). */
    private final Map<String, List<String>> categoryValues;
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
        this.categoryValues = settings.profile().categoryValues();
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

    @Override
    public Map<String, List<String>> categoryValues() {
        return categoryValues;
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

    /**
     * Per field, the sum over its features of weight × (value − mean); the fields that raise the risk, strongest first
     * (equal weights by name), at most {@link #DRIVERS}. Only the drivers returned are named.
     */
    private List<Contribution> drivers(ProfileFeatures.Completed completed, FeatureVector vector) {
        double[] byField = new double[fields.length];
        for (int i = 0; i < vector.size(); i++) {
            byField[featureFields[i]] += featureWeights[i] * (vector.values()[i] - featureMeans[i]) / settings.temperature();
        }
        int[] order = new int[fields.length];
        int raising = 0;
        for (int f = 0; f < fields.length; f++) {
            if (byField[f] > 0) {
                order[raising++] = f;
            }
        }
        strongestFirst(order, raising, byField, completed);
        Contribution[] drivers = new Contribution[Math.min(DRIVERS, raising)];
        for (int k = 0; k < drivers.length; k++) {
            drivers[k] = new Contribution(driverName(order[k], completed), byField[order[k]]);
        }
        return List.of(drivers);
    }

    /** Sorts the first {@code count} fields of {@code order}: an insertion sort, as a profile has a few dozen fields at most. */
    private void strongestFirst(int[] order, int count, double[] byField, ProfileFeatures.Completed completed) {
        for (int i = 1; i < count; i++) {
            int field = order[i];
            int j = i - 1;
            while (j >= 0 && before(field, order[j], byField, completed)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = field;
        }
    }

    /** @return whether field {@code a} comes before field {@code b}: a larger weight, or the same weight and an earlier name */
    private boolean before(int a, int b, double[] byField, ProfileFeatures.Completed completed) {
        int byWeight = Double.compare(byField[b], byField[a]);
        return byWeight < 0 || byWeight == 0 && driverName(a, completed).compareTo(driverName(b, completed)) < 0;
    }

    /** @return the field as a driver is named: {@code contract=Month-to-month}, with {@code (default)} when it was missing */
    private String driverName(int field, ProfileFeatures.Completed completed) {
        String name = ProfileFeatures.readable(fields[field], completed.values().get(fields[field]));
        return completed.defaultsApplied().containsKey(fields[field]) ? name + DEFAULT : name;
    }
}
