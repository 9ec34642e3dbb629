package io.backprop4j.layers.conv;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Gemm;
import io.backprop4j.core.MemoryLimit;
import io.backprop4j.core.NativeBuild;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.Threads;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Layer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (PyTorch's {@code nn.Conv2d}, square kernel): input {@code X: [N, C, H, W]}, weights
 * {@code W: [O, C, k, k]}, bias {@code b: [1, O]}, output
 * <pre>  Y[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v] · P[n, c, s·i + u, s·j + v]</pre>
 * where P is X zero-padded by p on each side, and {@code oH = (H + 2p − k) / s + 1} (likewise oW).
 *
 * <p>With the patch matrix {@code cols = im2col(P): [k·k·C, N·oH·oW]} ({@link Im2col}) the forward pass
 * is one GEMM, {@code Y = W·cols + b} (W read as [O, k·k·C]; a [O, N·oH·oW] result, transposed into
 * [N, O, oH, oW]). Backward, with {@code δ = ∂J/∂Y} read as {@code [O, N·oH·oW]}: {@code ∂J/∂W = δ·colsᵀ},
 * {@code ∂J/∂b = δ·1}, {@code ∂J/∂P = col2im(Wᵀ·δ)} and ∂J/∂X the interior of ∂J/∂P. The weights are kept
 * in PyTorch's order {@code [O, C, k, k]} and copied into the GEMM's {@code [O, k, k, C]} each batch (a
 * copy the size of W, small beside the patches).
 *
 * <p>Two algorithms compute the same function ({@link Algorithm}): this im2col + GEMM, and ND4J's native
 * {@code conv2d}/{@code conv2d_bp} ops, which run on oneDNN's kernels when ND4J's native library is a
 * {@code -onednn} build. {@link Algorithm#fastest()} picks the native ops exactly then: measured on the
 * CNN's second convolution, they are several times faster than im2col with oneDNN and several times slower
 * without it (see docs/performance.md).
 *
 * <p>Initialization: weights U(−1/√(C·k·k), 1/√(C·k·k)) by default, PyTorch's default; bias zero.
 */
public final class Conv2d implements Layer {

    /** How the convolution is computed; both give the same results up to rounding. */
    public enum Algorithm {
        /** {@link Im2col} patches and one GEMM per pass, on ND4J's BLAS. */
        IM2COL,
        /** ND4J's {@code conv2d} and {@code conv2d_bp} ops (oneDNN kernels in a {@code -onednn} build). */
        NATIVE;

        /** NATIVE when ND4J carries oneDNN, else IM2COL. */
        public static Algorithm fastest() {
            return NativeBuild.hasOneDnn() ? NATIVE : IM2COL;
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

    private final Im2col im2col = new Im2col();
    private Algorithm algorithm = Algorithm.fastest();
    private INDArray nativeWeightGradient;
    private INDArray nativeBiasGradient;
    private INDArray nativeInputGradient;
    private INDArray input;
    private INDArray padded;
    private INDArray kernelMajor;
    private INDArray kernelMajorGradient;
    private INDArray cols;
    private INDArray product;
    private INDArray output;
    private INDArray deltaMatrix;
    private INDArray colsGradient;
    private INDArray paddedGradient;
    private INDArray ones;

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
        this.algorithm = chosen;
        return this;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        Shapes.requireImages(name(), "input", x, inChannels);
        Shapes.requireDataType(name(), x, weights.value().dataType());
        long batch = x.size(0);
        long outHeight = outputSize(x.size(2));
        long outWidth = outputSize(x.size(3));
        input = x;
        output = Buffers.reuse(output, x.dataType(), 'c', batch, outChannels, outHeight, outWidth);
        if (algorithm == Algorithm.NATIVE) {
            DynamicCustomOp op = nativeOp("conv2d").addInputs(nativeInputs(x)).addOutputs(output).build();
            Threads.runWide(() -> Nd4j.exec(op));
            return output;
        }
        padded = pad(x);
        cols = Buffers.reuse(cols, x.dataType(), 'c', kernel, kernel, inChannels, batch, outHeight, outWidth);
        im2col.patches(padded, kernel, stride, cols);
        kernelMajor = Buffers.reuse(kernelMajor, x.dataType(), 'c', outChannels, kernel, kernel, inChannels);
        kernelMajor.assign(weights.value().permute(0, 2, 3, 1));
        product = Buffers.reuse(product, x.dataType(), 'c', outChannels, batch, outHeight, outWidth);
        Gemm.gemm(weightMatrix(kernelMajor), colsMatrix(cols), product.reshape(outChannels, -1), false, false,
                1.0, 0.0);
        output.assign(product.permute(1, 0, 2, 3));
        if (hasBias) {
            output.addi(bias.value().reshape(1, outChannels, 1, 1));
        }
        return output;
    }

    @Override
    public INDArray backward(INDArray delta) {
        if (algorithm == Algorithm.NATIVE) {
            return nativeBackward(delta);
        }
        backwardParameters(delta);
        colsGradient = Buffers.like(colsGradient, cols);
        Gemm.gemm(weightMatrix(kernelMajor), deltaMatrix.reshape(outChannels, -1), colsMatrix(colsGradient), true,
                false, 1.0, 0.0);
        paddedGradient = Buffers.like(paddedGradient, padded).assign(0);
        im2col.accumulate(colsGradient, kernel, stride, paddedGradient);
        return padding == 0 ? paddedGradient : interior(paddedGradient);
    }

    /** ∂J/∂W += δ·colsᵀ and ∂J/∂b += δ·1, without the ∂J/∂X GEMM and col2im. */
    @Override
    public void backwardParameters(INDArray delta) {
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂Y", delta, "its output", output);
        if (algorithm == Algorithm.NATIVE) {
            nativeBackward(delta);
            return;
        }
        deltaMatrix = Buffers.reuse(deltaMatrix, delta.dataType(), 'c', outChannels, delta.size(0), delta.size(2),
                delta.size(3));
        deltaMatrix.assign(delta.permute(1, 0, 2, 3));
        INDArray d = deltaMatrix.reshape(outChannels, -1);
        kernelMajorGradient = Buffers.like(kernelMajorGradient, kernelMajor);
        Gemm.gemm(d, colsMatrix(cols), weightMatrix(kernelMajorGradient), false, true, 1.0, 0.0);
        weights.gradient().addi(kernelMajorGradient.permute(0, 3, 1, 2));
        if (hasBias) {
            INDArray columnOfOnes = Buffers.reuse(ones, delta.dataType(), 'c', d.columns(), 1);
            if (columnOfOnes != ones) {
                ones = columnOfOnes.assign(1);
            }
            Gemm.gemm(ones, d, bias.gradient(), true, true, 1.0, 1.0);
        }
    }

    /** All three gradients from one {@code conv2d_bp} call; the parameter gradients are added to. */
    private INDArray nativeBackward(INDArray delta) {
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂Y", delta, "its output", output);
        nativeInputGradient = Buffers.like(nativeInputGradient, input);
        nativeWeightGradient = Buffers.like(nativeWeightGradient, weights.gradient());
        INDArray[] forwardInputs = nativeInputs(input);
        INDArray[] inputs = Arrays.copyOf(forwardInputs, forwardInputs.length + 1);
        inputs[forwardInputs.length] = delta;
        DynamicCustomOp.DynamicCustomOpsBuilder op = nativeOp("conv2d_bp").addInputs(inputs);
        if (hasBias) {
            nativeBiasGradient = Buffers.reuse(nativeBiasGradient, delta.dataType(), 'c', outChannels);
            op.addOutputs(nativeInputGradient, nativeWeightGradient, nativeBiasGradient);
        } else {
            op.addOutputs(nativeInputGradient, nativeWeightGradient);
        }
        DynamicCustomOp backward = op.build();
        Threads.runWide(() -> Nd4j.exec(backward));
        weights.gradient().addi(nativeWeightGradient);
        if (hasBias) {
            bias.gradient().addi(nativeBiasGradient.reshape(1, outChannels));
        }
        return nativeInputGradient;
    }

    private INDArray[] nativeInputs(INDArray x) {
        return hasBias ? new INDArray[] {x, weights.value(), bias.value().reshape(outChannels)}
                : new INDArray[] {x, weights.value()};
    }

    /** kH, kW, sH, sW, pH, pW, dilation H and W, "same" padding off, NCHW data, weights [O, C, k, k]. */
    private DynamicCustomOp.DynamicCustomOpsBuilder nativeOp(String name) {
        return DynamicCustomOp.builder(name)
                .addIntegerArguments(kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 1);
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

    private INDArray pad(INDArray x) {
        if (padding == 0) {
            return x;
        }
        INDArray withBorder = Buffers.reuse(padded, x.dataType(), 'c', x.size(0), inChannels,
                x.size(2) + 2L * padding, x.size(3) + 2L * padding);
        if (withBorder != padded) {
            withBorder.assign(0);
        }
        interior(withBorder).assign(x);
        return withBorder;
    }

    private INDArray interior(INDArray withBorder) {
        return withBorder.get(all(), all(), interval(padding, withBorder.size(2) - padding),
                interval(padding, withBorder.size(3) - padding));
    }

    /** W as the GEMM's [O, k·k·C], from the row-major {@code [O, k, k, C]} copy. */
    private INDArray weightMatrix(INDArray w) {
        return w.reshape(outChannels, (long) inChannels * kernel * kernel);
    }

    private INDArray colsMatrix(INDArray patches) {
        return patches.reshape((long) inChannels * kernel * kernel, -1);
    }

    @Override
    public List<Parameter> parameters() {
        return hasBias ? List.of(weights, bias) : List.of(weights);
    }

    public Parameter weights() {
        return weights;
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
}
