package io.backprop4j.examples;

import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Sign;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rosenblatt's perceptron: y = sign(w·x + b) with targets ±1, trained one example at a time by the
 * perceptron rule {@code w ← w + η(t − y)x}, {@code b ← b + η(t − y)} (no gradient: sign has none).
 * It converges on linearly separable data (AND, OR) and can never classify XOR: no line separates it.
 */
public final class Perceptron {

    /** The four inputs of a two-input boolean function. */
    public static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    public static final double[] AND = {-1, -1, -1, 1};
    public static final double[] OR = {-1, 1, 1, 1};
    public static final double[] XOR = {-1, 1, 1, -1};

    /** How a run ended: epochs used, whether every example was right, and how many were at the end. */
    public record Result(int epochs, boolean converged, int correct, double[] weights, double bias) {
    }

    private Perceptron() {
    }

    /** Runs the perceptron rule until an epoch makes no mistake, or for {@code maxEpochs} epochs. */
    public static Result train(double[] targets, double learningRate, int maxEpochs) {
        Dense linear = new Dense(2, 1, WeightInit.ZEROS, DataType.DOUBLE);
        Sequential perceptron = Sequential.of(linear, new Sign());
        INDArray w = linear.weights().value();
        INDArray b = linear.bias().value();
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            int mistakes = 0;
            for (int i = 0; i < INPUTS.length; i++) {
                INDArray x = Nd4j.create(INPUTS[i], new long[] {1, 2}, DataType.DOUBLE);
                double error = targets[i] - perceptron.forward(x, false).getDouble(0);
                if (error != 0) {
                    mistakes++;
                    w.addi(x.transpose().mul(learningRate * error));
                    b.addi(learningRate * error);
                }
            }
            if (mistakes == 0) {
                return new Result(epoch, true, INPUTS.length, w.toDoubleVector(), b.getDouble(0));
            }
        }
        INDArray all = Nd4j.create(INPUTS);
        INDArray predictions = perceptron.forward(all, false);
        int correct = 0;
        for (int i = 0; i < INPUTS.length; i++) {
            correct += predictions.getDouble(i) == targets[i] ? 1 : 0;
        }
        return new Result(maxEpochs, false, correct, w.toDoubleVector(), b.getDouble(0));
    }
}
