package io.backprop4j.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A last layer whose output already describes class probabilities ({@code Softmax}, {@code LogSoftmax}): it says
 * how to read them, so that {@link Model#predictProbabilities} does not apply a second softmax.
 */
public interface ProbabilityOutput {

    /** The class probabilities {@code [n, K]} given this layer's output (a fresh array for the caller). */
    INDArray probabilities(INDArray output);
}
