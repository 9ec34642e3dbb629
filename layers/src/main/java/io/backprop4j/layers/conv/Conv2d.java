package io.backprop4j.layers.conv;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.MemoryLimit;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.WeightInit;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import io.backprop4j.layers.OnnxExportable;
import io.backprop4j.layers.TorchExportable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (PyTorch's {@code nn.Conv2d}, square kernel): input {@code X: [N, C, H, W]}, weights
 * {@code W: [O, C, k, k]}, bias {@code b: [1, O]}, output
 * <pre>  Y[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v] · P[n, c, s·i + u, s·j + v]</pre>
 * where P is X zero-padded by p on each side, and {@code oH = (H + 2p − k) / s + 1} (likewise oW).
 *
 * <p>Two algorithms compute the same function ({@link Algorithm}), each in a class of its own: im2col and one
 * GEMM per pass ({@code Im2colConvolution}), and ND4J's native {@code conv2d}/{@code conv2d_bp} ops
 * ({@code NativeConvolution}), which run on oneDNN's kernels when ND4J's native library is a {@code -onednn}
 * build. {@link Algorithm#fastest()} picks the native ops exactly then: measured on the
 * CNN's second convolution, they are several times faster than im2col with oneDNN and several times slower
 * without it (see docs/performance.md).
 *
 * <p>Initialization: weights U(−1/√(C·k·k), 1/√(C·k·k)) by default, PyTorch's default; bias zero.
 */
public final class Conv2d implements Layer, OnnxExportable, TorchExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Conv2d", Conv2d.class, Conv2d::fromConfig);

    /** How the convolution is computed; both give the same results up to rounding. */
    public enum Algorithm {
        /** {@link Im2col} patches and one GEMM per pass, on ND4J's BLAS. */
        IM2COL,
        /** ND4J's {@code conv2d} and {@code conv2d_bp} ops (oneDNN kernels in a {@code -onednn} build). */
        NATIVE;

        /** NATIVE when ND4J carries oneDNN, else IM2COL. */
        public static Algorithm fastest() {
            return Kernels.nativeConvolution() ? NATIVE : IM2COL;
        }
    }

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean hasBias;
    private final WeightInit init;
    private final Parameter weights;
    private final Parameter bias;

    private Convolution convolution;
    private INDArray input;
    private INDArray output;

    /** A float32 convolution with stride 1, no padding and a bias. */
    public Conv2d(int inChannels, int outChannels, int kernel) {
        this(inChannels, outChannels, kernel, 1, 0, true, WeightInit.LECUN_UNIFORM, DataType.FLOAT);
    }

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, boolean bias,
                  WeightInit init, DataType dataType) {
        if (inChannels <= 0 || outChannels <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("Conv2d: channels, kernel and stride must be positive and padding "
                    + "not negative, got in=" + inChannels + ", out=" + outChannels + ", kernel=" + kernel
                    + ", stride=" + stride + ", padding=" + padding);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.hasBias = bias;
        this.init = init;
        MemoryLimit.requireFits("Conv2d", "its weights and their gradients", 2.0 * outChannels * inChannels * kernel
                * kernel, dataType.width());
        this.weights = Parameter.of("weights", Nd4j.zeros(dataType, outChannels, inChannels, kernel, kernel));
        this.bias = bias ? Parameter.of("bias", Nd4j.zeros(dataType, 1, outChannels)) : null;
        algorithm(Algorithm.fastest());
        initialize(Rng.global());
    }

    @Override
    public void initialize(Rng rng) {
        long fanIn = (long) inChannels * kernel * kernel;
        long fanOut = (long) outChannels * kernel * kernel;
        weights.value().assign(init.create(fanIn, fanOut, weights.value().dataType(), rng, weights.value().shape()));
        if (hasBias) {
            bias.value().assign(0);
        }
    }

    /** Chooses how this layer computes; {@link Algorithm#fastest()} unless set. */
    public Conv2d algorithm(Algorithm chosen) {
        Convolution.Setup setup = new Convolution.Setup(inChannels, outChannels, kernel, stride, padding, weights,
                bias);
        this.convolution = chosen == Algorithm.NATIVE ? new NativeConvolution(setup) : new Im2colConvolution(setup);
        return this;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        Shapes.requireImages(name(), "input", x, inChannels);
        Shapes.requireDataType(name(), x, weights.value().dataType());
        input = x;
        output = Buffers.reuse(output, x.dataType(), 'c', x.size(0), outChannels, outputSize(x.size(2)),
                outputSize(x.size(3)));
        convolution.forward(x, output);
        return output;
    }

    @Override
    public INDArray backward(INDArray delta) {
        requireForward(delta);
        return convolution.backward(delta, true);
    }

    /** ∂J/∂W and ∂J/∂b only: the im2col algorithm then skips its ∂J/∂X GEMM and col2im. */
    @Override
    public void backwardParameters(INDArray delta) {
        requireForward(delta);
        convolution.backward(delta, false);
    }

    private void requireForward(INDArray delta) {
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂Y", delta, "its output", output);
    }

    /** {@code (size + 2p − k) / s + 1}, refusing inputs smaller than the kernel. */
    private long outputSize(long size) {
        long span = size + 2L * padding - kernel;
        if (span < 0) {
            throw new IllegalArgumentException(name() + ": input of " + size + " pixels plus padding " + padding
                    + " on each side is smaller than the kernel " + kernel + "; use larger images or more padding");
        }
        return span / stride + 1;
    }

    @Override
    public List<Parameter> parameters() {
        return hasBias ? List.of(weights, bias) : List.of(weights);
    }

    public Parameter weights() {
        return weights;
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Conv2d fromConfig(LayerConfig c) {
        return new Conv2d(c.integer("inChannels"), c.integer("outChannels"), c.integer("kernel"),
                c.integer("stride"), c.integer("padding"), c.flag("bias"), c.constant("init", WeightInit.class),
                c.dataType());
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("inChannels", inChannels, "outChannels", outChannels, "kernel", kernel, "stride", stride,
                "padding", padding, "bias", hasBias, "init", init.name());
    }

    @Override
    public String name() {
        return "Conv2d(" + inChannels + "→" + outChannels + ", " + kernel + "×" + kernel
                + (stride == 1 ? "" : ", stride " + stride) + (padding == 0 ? "" : ", padding " + padding) + ")";
    }

    /** {@code Conv(x, W[, b])} with the kernel shape, strides and symmetric pads. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        onnx.rank(4);
        Map<String, Object> attributes = Map.of("kernel_shape", new long[] {kernel, kernel}, "strides",
                new long[] {stride, stride}, "pads", new long[] {padding, padding, padding, padding});
        String w = onnx.constant("weights", weights.value());
        return hasBias ? onnx.node("Conv", attributes, x, w, onnx.constant("bias", bias.value().reshape(outChannels)))
                : onnx.node("Conv", attributes, x, w);
    }

    /** {@code nn.Conv2d}'s {@code weight [out, in, k, k]}, as stored here, and {@code bias [out]}. */
    @Override
    public Map<String, INDArray> torchState() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put("weight", weights.value());
        if (hasBias) {
            state.put("bias", bias.value().reshape(outChannels));
        }
        return state;
    }

    @Override
    public void loadTorchState(Map<String, INDArray> state) {
        weights.value().assign(state.get("weight").castTo(weights.value().dataType()));
        if (hasBias) {
            bias.value().assign(state.get("bias").reshape(bias.value().shape()));
        }
    }
}
