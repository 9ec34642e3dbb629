package io.backprop4j.examples;

import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.losses.SquaredError;
import java.io.PrintStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The classic worked 2-2-2 network (logistic units, squared error E = Σ ½(target − out)², learning rate
 * 0.5): one forward pass, one backward pass, and one gradient-descent step on the weights with the
 * biases held fixed, as the textbook presents it.
 *
 * <p>Weights are stored {@code [in, out]}: row i holds the weights leaving input i, so the hidden layer
 * is {@code [[w1, w3], [w2, w4]]} and the output layer {@code [[w5, w7], [w6, w8]]}.
 */
public final class WorkedExample {

    /** The numbers the example prints: forward values, the error, and the eight updated weights. */
    public record Result(double outH1, double outH2, double outO1, double outO2, double totalError,
                         double[] updatedWeights) {
    }

    private WorkedExample() {
    }

    public static Result run() {
        double learningRate = 0.5;
        Dense hidden = layer(new double[][] {{0.15, 0.25}, {0.20, 0.30}}, 0.35);
        Dense output = layer(new double[][] {{0.40, 0.50}, {0.45, 0.55}}, 0.60);
        Sigmoid hiddenActivation = new Sigmoid();
        Sigmoid outputActivation = new Sigmoid();
        Sequential network = Sequential.of(hidden, hiddenActivation, output, outputActivation);
        SquaredError error = new SquaredError();

        INDArray inputs = Nd4j.create(new double[][] {{0.05, 0.10}});
        INDArray targets = Nd4j.create(new double[][] {{0.01, 0.99}});
        INDArray outHidden = hiddenActivation.forward(hidden.forward(inputs, true), true);
        INDArray out = outputActivation.forward(output.forward(outHidden, true), true);
        double totalError = error.value(out, targets);

        network.zeroGradients();
        network.backward(error.gradient(out, targets));
        for (Dense layer : new Dense[] {hidden, output}) {
            layer.weights().value().subi(layer.weights().gradient().mul(learningRate));
        }
        INDArray w = hidden.weights().value();
        INDArray v = output.weights().value();
        double[] updated = {
            v.getDouble(0, 0), v.getDouble(1, 0), v.getDouble(0, 1), v.getDouble(1, 1),
            w.getDouble(0, 0), w.getDouble(1, 0), w.getDouble(0, 1), w.getDouble(1, 1)};
        return new Result(outHidden.getDouble(0), outHidden.getDouble(1), out.getDouble(0), out.getDouble(1),
                totalError, updated);
    }

    /** Prints each forward value, E_total and every updated weight. */
    public static void print(Result r, PrintStream out) {
        out.printf("Forward pass%n  out_h1 = %.9f%n  out_h2 = %.9f%n  out_o1 = %.9f%n  out_o2 = %.9f%n",
                r.outH1(), r.outH2(), r.outO1(), r.outO2());
        out.printf("  E_total = %.9f%n", r.totalError());
        out.println("After one step (learning rate 0.5, biases fixed)");
        String[] names = {"w5", "w6", "w7", "w8", "w1", "w2", "w3", "w4"};
        for (int i = 0; i < names.length; i++) {
            out.printf("  %s = %.9f%n", names[i], r.updatedWeights()[i]);
        }
    }

    private static Dense layer(double[][] weights, double bias) {
        Dense dense = new Dense(2, 2, WeightInit.ZEROS, DataType.DOUBLE);
        dense.weights().value().assign(Nd4j.create(weights));
        dense.bias().value().assign(bias);
        return dense;
    }
}
