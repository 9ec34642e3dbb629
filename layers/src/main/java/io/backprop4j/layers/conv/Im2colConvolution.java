package io.backprop4j.layers.conv;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * im2col and one GEMM per pass: with {@code cols = im2col(P): [k·k·C, N·oH·oW]} ({@link Im2col}),
 * {@code Y = W·cols + b} (W read as [O, k·k·C]); backward, with δ read as {@code [O, N·oH·oW]},
 * {@code ∂J/∂W = δ·colsᵀ}, {@code ∂J/∂b = δ·1}, {@code ∂J/∂P = col2im(Wᵀ·δ)} and ∂J/∂X the interior of ∂J/∂P. The
 * weights are copied from PyTorch's {@code [O, C, k, k]} into the GEMM's {@code [O, k, k, C]} each batch (a copy
 * the size of W, small beside the patches).
 */
final class Im2colConvolution implements Convolution {

    private final Setup setup;
    private final Im2col im2col = new Im2col();
    private INDArray padded;
    private INDArray kernelMajor;
    private INDArray kernelMajorGradient;
    private INDArray cols;
    private INDArray product;
    private INDArray deltaMatrix;
    private INDArray colsGradient;
    private INDArray paddedGradient;
    private INDArray ones;

    Im2colConvolution(Setup setup) {
        this.setup = setup;
    }

    @Override
    public void forward(INDArray x, INDArray output) {
        int o = setup.outChannels();
        long batch = x.size(0);
        padded = pad(x);
        cols = Buffers.reuse(cols, x.dataType(), 'c', setup.kernel(), setup.kernel(), setup.inChannels(), batch,
                output.size(2), output.size(3));
        im2col.patches(padded, setup.kernel(), setup.stride(), cols);
        kernelMajor = Buffers.reuse(kernelMajor, x.dataType(), 'c', o, setup.kernel(), setup.kernel(),
                setup.inChannels());
        kernelMajor.assign(setup.weights().value().permute(0, 2, 3, 1));
        product = Buffers.reuse(product, x.dataType(), 'c', o, batch, output.size(2), output.size(3));
        Kernels.gemm(weightMatrix(kernelMajor), colsMatrix(cols), product.reshape(o, -1), false, false, 1.0, 0.0);
        output.assign(product.permute(1, 0, 2, 3));
        if (setup.hasBias()) {
            output.addi(setup.bias().value().reshape(1, o, 1, 1));
        }
    }

    @Override
    public INDArray backward(INDArray delta, boolean inputGradient) {
        int o = setup.outChannels();
        deltaMatrix = Buffers.reuse(deltaMatrix, delta.dataType(), 'c', o, delta.size(0), delta.size(2),
                delta.size(3));
        deltaMatrix.assign(delta.permute(1, 0, 2, 3));
        INDArray d = deltaMatrix.reshape(o, -1);
        kernelMajorGradient = Buffers.like(kernelMajorGradient, kernelMajor);
        Kernels.gemm(d, colsMatrix(cols), weightMatrix(kernelMajorGradient), false, true, 1.0, 0.0);
        setup.weights().gradient().addi(kernelMajorGradient.permute(0, 3, 1, 2));
        if (setup.hasBias()) {
            INDArray columnOfOnes = Buffers.reuse(ones, delta.dataType(), 'c', d.columns(), 1);
            if (columnOfOnes != ones) {
                ones = columnOfOnes.assign(1);
            }
            Kernels.gemm(ones, d, setup.bias().gradient(), true, true, 1.0, 1.0);
        }
        if (!inputGradient) {
            return null;
        }
        colsGradient = Buffers.like(colsGradient, cols);
        Kernels.gemm(weightMatrix(kernelMajor), d, colsMatrix(colsGradient), true, false, 1.0, 0.0);
        paddedGradient = Buffers.like(paddedGradient, padded).assign(0);
        im2col.accumulate(colsGradient, setup.kernel(), setup.stride(), paddedGradient);
        return setup.padding() == 0 ? paddedGradient : interior(paddedGradient);
    }

    private INDArray pad(INDArray x) {
        int p = setup.padding();
        if (p == 0) {
            return x;
        }
        INDArray withBorder = Buffers.reuse(padded, x.dataType(), 'c', x.size(0), setup.inChannels(),
                x.size(2) + 2L * p, x.size(3) + 2L * p);
        if (withBorder != padded) {
            withBorder.assign(0);
        }
        interior(withBorder).assign(x);
        return withBorder;
    }

    private INDArray interior(INDArray withBorder) {
        int p = setup.padding();
        return withBorder.get(all(), all(), interval(p, withBorder.size(2) - p), interval(p, withBorder.size(3) - p));
    }

    /** W as the GEMM's [O, k·k·C], from the row-major {@code [O, k, k, C]} copy. */
    private INDArray weightMatrix(INDArray w) {
        return w.reshape(setup.outChannels(), (long) setup.inChannels() * setup.kernel() * setup.kernel());
    }

    private INDArray colsMatrix(INDArray patches) {
        return patches.reshape((long) setup.inChannels() * setup.kernel() * setup.kernel(), -1);
    }
}
