package io.backprop4j.layers;

import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.activations.Activation;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One-line constructors for the standard networks. */
public final class Models {

    private Models() {
    }

    /**
     * A multilayer perceptron {@code in → hidden[0] → … → classes}: Dense + activation per hidden layer and
     * a final Dense that outputs logits (pair it with {@code SoftmaxCrossEntropy}). Weights are He-normal
     * for ReLU-like activations and Glorot-uniform for the saturating ones (sigmoid, tanh, softsign).
     */
    public static Sequential mlp(int in, int[] hidden, Supplier<? extends Activation> activation, int classes) {
        List<Layer> layers = new ArrayList<>();
        int width = in;
        for (int units : hidden) {
            Activation nonlinearity = activation.get();
            boolean saturating = nonlinearity instanceof Sigmoid || nonlinearity instanceof Tanh
                    || nonlinearity instanceof Softsign;
            layers.add(new Dense(width, units, saturating ? WeightInit.XAVIER_UNIFORM : WeightInit.HE_NORMAL));
            layers.add(nonlinearity);
            width = units;
        }
        layers.add(new Dense(width, classes, WeightInit.XAVIER_UNIFORM));
        return Sequential.of(layers.toArray(Layer[]::new));
    }
}
