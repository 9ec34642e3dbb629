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
import org.nd4j.linalg.factory.Nd4j;

/** XOR, which no perceptron can learn, solved by one hidden tanh layer (2-4-2) trained by backpropagation. */
public final class Xor {

    /** The four XOR examples with one-hot targets (class 1 = "true"). */
    public static final DataSet DATA = new DataSet(
            Nd4j.create(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
            Nd4j.create(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}));

    private Xor() {
    }

    /** Trains the 2-4-2 network full-batch from {@code seed} and returns it. */
    public static Sequential train(long seed) {
        Sequential model = Sequential.of(new Dense(2, 4), new Tanh(), new Dense(4, 2)).initialize(seed);
        new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.momentum(0.5, 0.9)).fit(DATA,
                Fit.epochs(300).batchSize(4).seed(seed));
        return model;
    }

    public static double accuracy(Sequential model) {
        return Evaluation.of(model, DATA).accuracy();
    }
}
