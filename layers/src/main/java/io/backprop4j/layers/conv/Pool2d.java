package io.backprop4j.layers.conv;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.OnnxBuilder;
import io.backprop4j.layers.OnnxExportable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2-D pooling over k×k windows with stride s and zero padding p, per example and channel: input
 * {@code [N, C, H, W]}, output {@code [N, C, oH, oW]} with {@code oH = (H + 2p − k) / s + 1}. Forward and
 * backward are one kernel each per batch ({@link Kernels#pool2d}, {@link Kernels#pool2dBackward}: ND4J's native
 * pooling ops {@code NAME} and {@code NAME_bp} on all cores, which paid for the CNN's max pooling;
 * docs/performance.md, kernel figures).
 */
abstract sealed class Pool2d implements Layer, OnnxExportable permits MaxPool2d, AvgPool2d {

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
        return Kernels.pool2d(op, x, output, kernel, stride, padding, mode());
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂Y", gradOut, "its output", output);
        gradInput = Buffers.like(gradInput, input);
        return Kernels.pool2dBackward(op, input, gradOut, gradInput, kernel, stride, padding, mode());
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

    /** ONNX's operator: {@code MaxPool}, or {@code AveragePool} counting the padding in the mean. */
    abstract String onnxOperator();

    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        Map<String, Object> attributes = new LinkedHashMap<>(Map.of("kernel_shape", new long[] {kernel, kernel},
                "strides", new long[] {stride, stride}, "pads", new long[] {padding, padding, padding, padding}));
        if (onnxOperator().equals("AveragePool")) {
            attributes.put("count_include_pad", mode());
        }
        return onnx.node(onnxOperator(), attributes, x);
    }
}
