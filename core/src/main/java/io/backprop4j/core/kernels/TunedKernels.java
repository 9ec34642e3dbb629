package io.backprop4j.core.kernels;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tuned CPU kernels, the default: oneDNN's sgemm and element-wise kernels, CBLAS level 1, the fused momentum
 * updates, and the second core through the helper thread ({@link Gemm}, {@link Level1}, {@link Elementwise},
 * {@link OneDnnKernels}, {@link Threads}); each falls back to ND4J where its fast path does not apply.
 */
final class TunedKernels implements KernelSet {

    @Override
    public String name() {
        return "tuned";
    }

    @Override
    public INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
            double beta) {
        return Gemm.gemm(a, b, c, transposeA, transposeB, alpha, beta);
    }

    @Override
    public INDArray axpy(double alpha, INDArray x, INDArray y) {
        return Level1.axpy(alpha, x, y);
    }

    @Override
    public INDArray scale(double alpha, INDArray x) {
        return Level1.scale(alpha, x);
    }

    @Override
    public INDArray copy(INDArray x, INDArray y) {
        return Level1.copy(x, y);
    }

    @Override
    public double dot(INDArray x, INDArray y) {
        return Level1.dot(x, y);
    }

    @Override
    public double absoluteSum(INDArray x) {
        return Level1.absoluteSum(x);
    }

    @Override
    public INDArray zero(INDArray x) {
        return Level1.zero(x);
    }

    @Override
    public INDArray sigmoid(INDArray x, INDArray z) {
        return Elementwise.sigmoid(x, z);
    }

    @Override
    public INDArray tanh(INDArray x, INDArray z) {
        return Elementwise.tanh(x, z);
    }

    @Override
    public INDArray exp(INDArray x, INDArray z) {
        return Elementwise.exp(x, z);
    }

    @Override
    public INDArray log(INDArray x, INDArray z) {
        return Elementwise.log(x, z);
    }

    @Override
    public INDArray erf(INDArray x, INDArray z) {
        return Elementwise.erf(x, z);
    }

    @Override
    public INDArray sqrt(INDArray x, INDArray z) {
        return Elementwise.sqrt(x, z);
    }

    @Override
    public INDArray relu(INDArray x, INDArray z) {
        return Elementwise.relu(x, z);
    }

    @Override
    public INDArray reluKeepingNaN(INDArray x, INDArray z) {
        return Elementwise.reluKeepingNaN(x, z);
    }

    @Override
    public INDArray reluGradient(INDArray f, INDArray gradOut, INDArray gradIn) {
        return Elementwise.reluGradient(f, gradOut, gradIn);
    }

    @Override
    public INDArray negativePart(INDArray x, INDArray z) {
        return Elementwise.negativePart(x, z);
    }

    @Override
    public INDArray abs(INDArray x, INDArray z) {
        return Elementwise.abs(x, z);
    }

    @Override
    public INDArray sign(INDArray x, INDArray z) {
        return Elementwise.sign(x, z);
    }

    /** {@link LogSoftmaxRows} on float32 row-major matrices, the shared log-sum-exp otherwise. */
    @Override
    public INDArray logSoftmax(INDArray x, INDArray z) {
        return LogSoftmaxRows.apply(x, z) ? z : KernelSet.super.logSoftmax(x, z);
    }

    @Override
    public void momentum(double mu, INDArray g, INDArray v) {
        if (!OneDnnKernels.momentum(mu, g, v)) {
            Level1.axpy(1, g, Level1.scale(mu, v));
        }
    }

    @Override
    public void nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w) {
        if (!OneDnnKernels.nesterovStep(eta, mu, g, v, w)) {
            Level1.axpy(-eta, Level1.axpy(mu, v, g), w);
        }
    }

    @Override
    public <T> T runWide(Supplier<T> operation) {
        return Threads.runWide(operation);
    }

    @Override
    public void configureThisThread() {
        Threads.configureThisThread();
    }

    /** ND4J's conv2d where its build carries oneDNN (which then runs it), im2col and GEMMs otherwise. */
    @Override
    public boolean nativeConvolution() {
        return NativeBuild.hasOneDnn();
    }
}
