package io.backprop4j.core.kernels;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One implementation of the kernels behind {@link Kernels}: every operation computes its result into the given
 * arrays, for any data type and memory layout. {@link TunedKernels} is today's tuned CPU path, {@link
 * PortableKernels} plain ND4J operations that run on any ND4J backend.
 */
public interface KernelSet {

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

    /** z = log(1 + x), accurate for small x. */
    INDArray log1p(INDArray x, INDArray z);

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

    /** Row-wise softmax. */
    INDArray softmax(INDArray x, INDArray z);

    /** Row-wise log-softmax. */
    INDArray logSoftmax(INDArray x, INDArray z);

    /** z = log(1 + eˣ), finite for every finite x. */
    INDArray softplus(INDArray x, INDArray z, INDArray scratch);

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
