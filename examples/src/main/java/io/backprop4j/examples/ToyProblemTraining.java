package io.backprop4j.examples;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;

/** The network trained on each toy problem: 2-32-32-2 tanh, softmax cross-entropy, full-batch Adam. */
public final class ToyProblemTraining {

    private ToyProblemTraining() {
    }

    public static Sequential train(DataSet data, int epochs, long seed) {
        Sequential model = Sequential.of(new Dense(2, 32), new Tanh(), new Dense(32, 32), new Tanh(), new Dense(32, 2))
                .initialize(seed);
        new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.03)).fit(data,
                Fit.epochs(epochs).batchSize(data.size()).seed(seed));
        return model;
    }

    public static double trainingAccuracy(Sequential model, DataSet data) {
        return Evaluation.of(model, data).accuracy();
    }
}
