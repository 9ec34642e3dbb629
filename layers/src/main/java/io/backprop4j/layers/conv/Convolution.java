package io.backprop4j.layers.conv;

import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One way of computing a {@link Conv2d}: its forward pass into the layer's output buffer, and its backward
 * pass, which adds ∂J/∂W (and ∂J/∂b) to the parameters' gradients and, unless only those are asked for, returns
 * ∂J/∂X.
 */
interface Convolution {

    /** The layer's sizes and parameters, which every algorithm reads. */
    record Setup(int inChannels, int outChannels, int kernel, int stride, int padding, Parameter weights,
            Parameter bias) {

        boolean hasBias() {
            return bias != null;
        }
    }

    /** Y for {@code x}, written into {@code output} ({@code [N, O, oH, oW]}). */
    void forward(INDArray x, INDArray output);

    /** Adds the parameters' gradients for {@code delta} = ∂J/∂Y; returns ∂J/∂X when {@code inputGradient}, else null. */
    INDArray backward(INDArray delta, boolean inputGradient);
}
