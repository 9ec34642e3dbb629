package io.backprop4j.core.kernels;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One implementation of the kernels behind {@link Kernels}: every operation computes its result into the given
 * arrays, for any data type and memory layout. The composite kernels (log1p, softmax, log-softmax, softplus)
 * are written once here, over the primitive ones. {@link TunedKernels} is today's tuned CPU path, {@link
 * PortableKernels} plain ND4J operations that run on any ND4J backend.
 */
interface KernelSet {

    /** A short name: {@code tuned} or {@code portable}. */
    String name();

    /** {@code c ← α·op(a)·op(b) + β·c}; returns c. */
    INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
            double beta);

    /** y ← y + α·x; returns y. */
    INDArray axpy(double alpha, INDArray x, INDArray y);

    /** x ← α·x; returns x. */
    INDArray scale(double alpha, INDArray x);

    /** y ← x; returns y. */
    INDArray copy(INDArray x, INDArray y);

    /** Σ x_i·y_i. */
    double dot(INDArray x, INDArray y);

    /** Σ |x_i|: NaN or ±∞ exactly when an element is. */
    double absoluteSum(INDArray x);

    /** x ← 0; returns x. */
    INDArray zero(INDArray x);

    /** z = σ(x). */
    INDArray sigmoid(INDArray x, INDArray z);

    /** z = tanh(x), relative precision kept near 0. */
    INDArray tanh(INDArray x, INDArray z);

    /** z = eˣ. */
    INDArray exp(INDArray x, INDArray z);

    /** z = log x. */
    INDArray log(INDArray x, INDArray z);

    /**
     * z = log(1 + x), accurate for small x: log w − ((w − 1) − x)/w with w = 1 + x rounded, the correction
     * restoring what the rounding lost (ND4J's Log1p computes log(1 + x) directly: float32 log1p(1e-10) = 0).
     */
    default INDArray log1p(INDArray x, INDArray z) {
        INDArray w = x.add(1.0);
        INDArray lost = w.sub(1.0).subi(x).divi(w);
        return log(w, z).subi(lost);
    }

    /** z = erf(x). */
    INDArray erf(INDArray x, INDArray z);

    /** z = √x. */
    INDArray sqrt(INDArray x, INDArray z);

    /** z = max(x, 0) (NaN may become 0: see {@link #reluKeepingNaN}). */
    INDArray relu(INDArray x, INDArray z);

    /** z = max(x, 0) with NaN kept. */
    INDArray reluKeepingNaN(INDArray x, INDArray z);

    /** gradIn = gradOut ⊙ [f &gt; 0], read off the ReLU's output f. */
    INDArray reluGradient(INDArray f, INDArray gradOut, INDArray gradIn);

    /** z = min(x, 0). */
    INDArray negativePart(INDArray x, INDArray z);

    /** z = |x|. */
    INDArray abs(INDArray x, INDArray z);

    /** z = sign(x). */
    INDArray sign(INDArray x, INDArray z);

    /**
     * Row-wise softmax z_k = e^{x_k − m} / Σ_i e^{x_i − m}, m the row maximum: no exponential overflows and no row
     * underflows to 0/0 (ND4J's own softmax op returns NaN for a row of −1000s).
     */
    default INDArray softmax(INDArray x, INDArray z) {
        exp(x.subColumnVector(x.max(true, 1)), z);
        return z.diviColumnVector(z.sum(true, 1));
    }

    /** Row-wise log-softmax z_k = (x_k − m) − log Σ_i e^{x_i − m}, by log-sum-exp. */
    default INDArray logSoftmax(INDArray x, INDArray z) {
        INDArray shifted = x.subColumnVector(x.max(true, 1));
        INDArray logSum = Transforms.log(exp(shifted, z).sum(true, 1), false);
        return z.assign(shifted).subiColumnVector(logSum);
    }

    /** z = log(1 + eˣ) computed as max(x, 0) + log1p(e^−|x|), finite for every finite x. */
    default INDArray softplus(INDArray x, INDArray z, INDArray scratch) {
        abs(x, z).negi();
        log1p(exp(z, z), z);
        return z.addi(reluKeepingNaN(x, scratch));
    }

    /** v ← μ·v + g, momentum's velocity. */
    void momentum(double mu, INDArray g, INDArray v);

    /** w ← w − η·(g + μ·v), Nesterov's step from the updated velocity v. */
    void nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w);

    /** Runs a long native operation (convolution, pooling) on every core the kernels may use. */
    <T> T runWide(Supplier<T> operation);

    /** Prepares the calling thread for the kernels (thread counts); called before a model's first pass. */
    void configureThisThread();

    /** Whether convolutions should run as ND4J's native conv2d op rather than as im2col and GEMMs. */
    boolean nativeConvolution();
}
