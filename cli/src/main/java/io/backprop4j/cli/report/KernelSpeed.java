package io.backprop4j.cli.report;

import io.backprop4j.layers.activations.Activation;
import io.backprop4j.layers.activations.ActivationName;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nanoseconds per element of an activation's forward pass {@code f(s)} and backward pass
 * {@code ∂J/∂s = ∂J/∂f ⊙ f'(s)} on a float32 batch: the median of {@code repetitions} timed calls after as
 * many untimed ones. A quick in-process figure for the report; the JMH suite ({@code ActivationBenchmark})
 * measures the same kernels with forks and confidence intervals.
 */
record KernelSpeed(String activation, double forwardNanosPerElement, double backwardNanosPerElement) {

    static KernelSpeed measure(ActivationName name, int rows, int columns, int repetitions) {
        Activation activation = name.create();
        INDArray s = Nd4j.randn(DataType.FLOAT, rows, columns);
        INDArray gradOut = Nd4j.randn(DataType.FLOAT, rows, columns);
        long elements = (long) rows * columns;
        double[] forward = new double[repetitions];
        double[] backward = new double[repetitions];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < repetitions; i++) {
                long start = System.nanoTime();
                activation.forward(s, true);
                long middle = System.nanoTime();
                activation.backward(gradOut);
                long end = System.nanoTime();
                forward[i] = (middle - start) / (double) elements;
                backward[i] = (end - middle) / (double) elements;
            }
        }
        return new KernelSpeed(name.id(), median(forward), median(backward));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
