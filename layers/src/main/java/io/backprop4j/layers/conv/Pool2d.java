package io.backprop4j.layers.conv;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.Layer;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D pooling over k×k windows with stride s and zero padding p, per example and channel: input
 * {@code [N, C, H, W]}, output {@code [N, C, oH, oW]} with {@code oH = (H + 2p − k) / s + 1}. Forward and
 * backward are ND4J's native pooling ops ({@code NAME} and {@code NAME_bp}), one call each per batch, on all
 * cores ({@link Kernels#runWide}), which paid for the CNN's max pooling (docs/performance.md, kernel figures).
 */
abstract sealed class Pool2d implements Layer permits MaxPool2d, AvgPool2d {

    private final String op;
    private final int kernel;
    private final int stride;
    private final int padding;

    private INDArray input;
    private INDArray output;
    private INDArray gradInput;

    Pool2d(String op, int kernel, int stride, int padding) {
        if (kernel <= 0 || stride <= 0 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": kernel and stride must be positive and "
                    + "padding at most half the kernel, got kernel=" + kernel + ", stride=" + stride + ", padding="
                    + padding);
        }
        this.op = op;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    /** The op's extra integer argument (for average pooling, which windows' padding counts in the mean). */
    abstract int mode();

    @Override
    public INDArray forward(INDArray x, boolean training) {
        Shapes.requireImages(name(), "input", x);
        input = x;
        output = Buffers.reuse(output, x.dataType(), 'c', x.size(0), x.size(1), outputSize(x.size(2)),
                outputSize(x.size(3)));
        DynamicCustomOp forward = call(op).addInputs(x).addOutputs(output).build();
        Kernels.runWide(() -> Nd4j.exec(forward));
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂Y", gradOut, "its output", output);
        gradInput = Buffers.like(gradInput, input);
        DynamicCustomOp backward = call(op + "_bp").addInputs(input, gradOut).addOutputs(gradInput).build();
        Kernels.runWide(() -> Nd4j.exec(backward));
        return gradInput;
    }

    private DynamicCustomOp.DynamicCustomOpsBuilder call(String name) {
        // kH, kW, sH, sW, pH, pW, dilation H and W, "same" padding, mode, NHWC
        return DynamicCustomOp.builder(name)
                .addIntegerArguments(kernel, kernel, stride, stride, padding, padding, 1, 1, 0, mode(), 0);
    }

    private long outputSize(long size) {
        long span = size + 2L * padding - kernel;
        if (span < 0) {
            throw new IllegalArgumentException(name() + ": input of " + size + " pixels is smaller than the window "
                    + kernel + "; use larger images or a smaller window");
        }
        return span / stride + 1;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("kernel", kernel, "stride", stride, "padding", padding);
    }

    @Override
    public String name() {
        return getClass().getSimpleName() + "(" + kernel + (stride == kernel ? "" : ", stride " + stride)
                + (padding == 0 ? "" : ", padding " + padding) + ")";
    }
}
