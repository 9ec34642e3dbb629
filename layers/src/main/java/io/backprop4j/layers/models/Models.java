package io.backprop4j.layers.models;

import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.Flatten;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Reshape;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Activation;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.conv.MaxPool2d;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

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

    /**
     * The convolutional network of PyTorch's MNIST example, for rows of 28×28 = 784 grey pixels: conv 3×3
     * 1→32, ReLU, conv 3×3 32→64, ReLU, max-pool 2, dropout 0.25, flatten (9,216), dense 128, ReLU, dropout
     * 0.5, dense {@code classes}, log-softmax. Pair it with {@code NegativeLogLikelihood}. Weights start
     * U(±1/√fan-in), PyTorch's default.
     */
    public static Sequential cnn(int classes) {
        return Sequential.of(new Reshape(1, 28, 28),
                new Conv2d(1, 32, 3), new ReLU(),
                new Conv2d(32, 64, 3), new ReLU(),
                new MaxPool2d(2), new Dropout(0.25), new Flatten(),
                new Dense(9216, 128, WeightInit.LECUN_UNIFORM), new ReLU(), new Dropout(0.5),
                new Dense(128, classes, WeightInit.LECUN_UNIFORM), new LogSoftmax());
    }

    /**
     * A batch-normalized CNN for rows of 28×28 = 784 grey pixels, the conv–BN–ReLU pattern of the networks that
     * lead Fashion-MNIST's table for small models: two blocks of two 3×3 convolutions (padding 1, no bias: the
     * BatchNorm's β is the bias) each followed by BatchNorm and ReLU, then 2×2 max-pooling, 32 channels at 28×28
     * and 64 at 14×14; flatten (3,136), dropout 0.25, dense 128, ReLU, dense {@code classes} logits. Pair it with
     * {@code SoftmaxCrossEntropy}. Convolution weights He-normal.
     */
    public static Sequential bnCnn(int classes) {
        List<Layer> layers = new ArrayList<>(List.of(new Reshape(1, 28, 28)));
        int[][] convolutions = {{1, 32}, {32, 32}, {32, 64}, {64, 64}};
        for (int i = 0; i < convolutions.length; i++) {
            int in = convolutions[i][0];
            int out = convolutions[i][1];
            layers.add(new Conv2d(in, out, 3, 1, 1, false, WeightInit.HE_NORMAL, DataType.FLOAT));
            layers.add(new BatchNorm(out));
            layers.add(new ReLU());
            if (i % 2 == 1) {
                layers.add(new MaxPool2d(2));
            }
        }
        layers.addAll(List.of(new Flatten(), new Dropout(0.25), new Dense(64 * 7 * 7, 128, WeightInit.HE_NORMAL),
                new ReLU(), new Dense(128, classes, WeightInit.XAVIER_UNIFORM)));
        return Sequential.of(layers.toArray(Layer[]::new));
    }
}
