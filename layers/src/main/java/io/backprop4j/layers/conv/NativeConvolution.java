package io.backprop4j.layers.conv;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The convolution as one kernel per pass ({@link Kernels#conv2d}, {@link Kernels#conv2dBackward}: ND4J's native
 * {@code conv2d} and {@code conv2d_bp} ops, which run on oneDNN's kernels in a {@code -onednn} build).
 */
final class NativeConvolution implements Convolution {

    private final Setup setup;
    private INDArray input;
    private INDArray weightGradient;
    private INDArray biasGradient;
    private INDArray inputGradient;

    NativeConvolution(Setup setup) {
        this.setup = setup;
    }

    @Override
    public void forward(INDArray x, INDArray output) {
        input = x;
        Kernels.conv2d(x, setup.weights().value(), bias(), output, setup.kernel(), setup.stride(), setup.padding());
    }

    /** All three gradients from one {@code conv2d_bp} call; the parameter gradients are added to. */
    @Override
    public INDArray backward(INDArray delta, boolean wanted) {
        inputGradient = Buffers.like(inputGradient, input);
        weightGradient = Buffers.like(weightGradient, setup.weights().gradient());
        if (setup.hasBias()) {
            biasGradient = Buffers.reuse(biasGradient, delta.dataType(), 'c', setup.outChannels());
        }
        Kernels.conv2dBackward(input, setup.weights().value(), bias(), delta, inputGradient, weightGradient,
                setup.hasBias() ? biasGradient : null, setup.kernel(), setup.stride(), setup.padding());
        setup.weights().gradient().addi(weightGradient);
        if (setup.hasBias()) {
            setup.bias().gradient().addi(biasGradient.reshape(1, setup.outChannels()));
        }
        return wanted ? inputGradient : null;
    }

    private INDArray bias() {
        return setup.hasBias() ? setup.bias().value() : null;
    }
}
