package io.backprop4j.cli.playground;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.MeanSquaredError;
import io.backprop4j.layers.losses.SigmoidBinaryCrossEntropy;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.callbacks.FullBatch;
import io.backprop4j.optim.transforms.AddDecayedWeights;
import io.backprop4j.optim.transforms.AddL1Penalty;
import java.util.ArrayList;
import java.util.List;

/**
 * The playground's network and its training, on the library's own layers and Trainer: features → (Dense,
 * activation) per hidden layer → Dense to one output. A classifier's output is a logit z, trained with binary
 * cross-entropy on σ(z); a regression's output is the prediction itself, trained with the mean squared error.
 * The optimizer is stochastic gradient descent, w ← w − η(∂J/∂w + penalty), with an L1 (λ·sign w) or L2 (λw)
 * penalty on every parameter.
 */
final class Network {

    private final Sequential model;
    private final Loss loss;
    private final GradientRecorder recorder = new GradientRecorder();
    private Trainer trainer;
    private int epoch;

    Network(Settings settings, long initSeed) {
        List<Layer> layers = new ArrayList<>();
        int in = settings.features().size();
        for (int size : settings.hidden()) {
            layers.add(new Dense(in, size));
            layers.add(settings.newActivation());
            in = size;
        }
        layers.add(new Dense(in, 1));
        model = Sequential.of(layers.toArray(Layer[]::new)).initialize(initSeed);
        loss = settings.dataset().regression() ? new MeanSquaredError() : new SigmoidBinaryCrossEntropy();
        retune(settings);
    }

    /** Takes the settings' learning rate and regularization from the next epoch on, keeping the weights. */
    void retune(Settings settings) {
        trainer = new Trainer(model, loss, optimizer(settings)).addCallback(recorder);
    }

    private static Optimizer optimizer(Settings settings) {
        double lambda = settings.regularizationRate();
        return switch (settings.regularization()) {
            case "l1" -> Optimizers.chain(settings.learningRate(), new AddL1Penalty(lambda));
            case "l2" -> Optimizers.chain(settings.learningRate(), new AddDecayedWeights(lambda));
            default -> Optimizers.chain(settings.learningRate());
        };
    }

    /** One epoch over {@code points}' training set in shuffled batches of {@code batchSize}. */
    void trainEpoch(Points points, int batchSize, long seed) {
        epoch++;
        trainer.fit(points.trainSet(), Fit.epochs(1).batchSize(batchSize).seed(seed * 1_000_003L + epoch));
    }

    double loss(DataSet data) {
        return data.size() == 0 ? Double.NaN : FullBatch.meanLoss(model, loss, data, data.size());
    }

    Sequential model() {
        return model;
    }

    Loss lossFunction() {
        return loss;
    }

    GradientRecorder recorder() {
        return recorder;
    }

    int epoch() {
        return epoch;
    }
}
