package io.backprop4j.layers.conv;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.kernels.Kernels;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native {@code conv2d} and {@code conv2d_bp} ops, which run on oneDNN's kernels in a {@code -onednn}
 * build; each pass is one op on all the cores ({@link Kernels#runWide}).
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
        DynamicCustomOp op = op("conv2d").addInputs(inputs(x)).addOutputs(output).build();
        Kernels.runWide(() -> Nd4j.exec(op));
    }

    /** All three gradients from one {@code conv2d_bp} call; the parameter gradients are added to. */
    @Override
    public INDArray backward(INDArray delta, boolean wanted) {
        inputGradient = Buffers.like(inputGradient, input);
        weightGradient = Buffers.like(weightGradient, setup.weights().gradient());
        INDArray[] forwardInputs = inputs(input);
        INDArray[] inputs = Arrays.copyOf(forwardInputs, forwardInputs.length + 1);
        inputs[forwardInputs.length] = delta;
        DynamicCustomOp.DynamicCustomOpsBuilder op = op("conv2d_bp").addInputs(inputs);
        if (setup.hasBias()) {
            biasGradient = Buffers.reuse(biasGradient, delta.dataType(), 'c', setup.outChannels());
            op.addOutputs(inputGradient, weightGradient, biasGradient);
        } else {
            op.addOutputs(inputGradient, weightGradient);
        }
        DynamicCustomOp backward = op.build();
        Kernels.runWide(() -> Nd4j.exec(backward));
        setup.weights().gradient().addi(weightGradient);
        if (setup.hasBias()) {
            setup.bias().gradient().addi(biasGradient.reshape(1, setup.outChannels()));
        }
        return wanted ? inputGradient : null;
    }

    private INDArray[] inputs(INDArray x) {
        return setup.hasBias() ? new INDArray[] {x, setup.weights().value(), setup.bias().value()
                .reshape(setup.outChannels())} : new INDArray[] {x, setup.weights().value()};
    }

    /** kH, kW, sH, sW, pH, pW, dilation H and W, "same" padding off, NCHW data, weights [O, C, k, k]. */
    private DynamicCustomOp.DynamicCustomOpsBuilder op(String name) {
        int k = setup.kernel();
        int s = setup.stride();
        int p = setup.padding();
        return DynamicCustomOp.builder(name).addIntegerArguments(k, k, s, s, p, p, 1, 1, 0, 0, 1);
    }
}
