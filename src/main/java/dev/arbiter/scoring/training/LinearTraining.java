package dev.arbiter.scoring.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import dev.arbiter.scoring.FeatureVector;

/**
 * Trains a Tribuo multinomial logistic regression (linear model, log loss, AdaGrad, one example per step) on
 * featurised examples. A fresh trainer per call with a fixed seed: the same data gives the same weights.
 */
final class LinearTraining {

    private static final LabelFactory LABELS = new LabelFactory();

    private LinearTraining() {
    }

    /**
     * Stochastic gradient descent settings.
     *
     * @param epochs       passes over the training data
     * @param learningRate AdaGrad's initial learning rate
     * @param seed         the seed of the example order
     */
    record Sgd(int epochs, double learningRate, long seed) {

        Sgd withSeed(long newSeed) {
            return new Sgd(epochs, learningRate, newSeed);
        }

        LinearSGDTrainer trainer() {
            return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 1e-6), epochs, -1, 1, seed);
        }
    }

    /**
     * @param features      per example, its features
     * @param labels        per example, its label
     * @param labelWeights  the weight of each example of a label (1 for labels not named): a label with many
     *                      examples can be kept from dominating
     * @param description   what the data is (kept in the model's provenance)
     * @param runProvenance further facts kept in the model's provenance (data hash, featuriser settings, ...)
     */
    static LinearSGDModel train(List<FeatureVector> features, List<String> labels, Map<String, Float> labelWeights,
                                String description, Sgd sgd, Map<String, Provenance> runProvenance) {
        List<Example<Label>> examples = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            FeatureVector vector = features.get(i);
            ArrayExample<Label> example = new ArrayExample<>(new Label(labels.get(i)), vector.names(), vector.values());
            example.setWeight(labelWeights.getOrDefault(labels.get(i), 1f));
            examples.add(example);
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, LABELS,
                new SimpleDataSourceProvenance(description, LABELS)));
        return (LinearSGDModel) sgd.trainer().train(dataset, runProvenance);
    }
}
