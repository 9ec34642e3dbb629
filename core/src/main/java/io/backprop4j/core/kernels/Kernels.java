package io.backprop4j.core.kernels;

import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The one door to the native kernels: the layers, losses, optimizers and the Trainer call these operations and
 * nothing below them. Each computes its result into the arrays given, whatever their type and layout. Two
 * implementations, chosen once per process by {@code -Dbackprop4j.kernels=NAME} or {@code BACKPROP4J_KERNELS=NAME}:
 * {@code tuned} (the default: {@link Gemm}, {@link Level1}, {@link Elementwise} and {@link LogSoftmaxRows} on
 * oneDNN, CBLAS and the helper thread on the CPU) and {@code portable} ({@link PortableKernels}: plain ND4J
 * operations, for any ND4J backend). Each operation is one line here that names both; the composite ones
 * (log1p, softmax, log-softmax, softplus) are written once, over the primitives.
 */
public final class Kernels {

    /** The system property that chooses the kernels. */
    public static final String PROPERTY = "backprop4j.kernels";

    /** The environment variable that chooses the kernels when the property is not set. */
    public static final String ENVIRONMENT = "BACKPROP4J_KERNELS";

    private static final boolean TUNED = tuned(System.getProperty(PROPERTY, System.getenv(ENVIRONMENT)));

    private Kernels() {
    }

    /** Whether {@code name} (null or blank for the default) chooses the tuned kernels. */
    static boolean tuned(String name) {
        String chosen = name == null || name.isBlank() ? "tuned" : name.trim().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "tuned" -> true;
            case "portable" -> false;
            default -> throw new IllegalStateException(PROPERTY + " (or " + ENVIRONMENT + ") must be tuned or "
                    + "portable, got '" + name + "'");
        };
    }

    /** The kernels in use: {@code tuned} or {@code portable}. */
    public static String name() {
        return TUNED ? "tuned" : "portable";
    }

    /** {@code c ← α·op(a)·op(b) + β·c}; returns c. */
    public static INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
            double alpha, double beta) {
        return TUNED ? Gemm.gemm(a, b, c, transposeA, transposeB, alpha, beta) : PortableKernels.gemm(a, b, c, transposeA, transposeB, alpha, beta);
    }

    /** y ← y + α·x; returns y. */
    public static INDArray axpy(double alpha, INDArray x, INDArray y) {
        return TUNED ? Level1.axpy(alpha, x, y) : PortableKernels.axpy(alpha, x, y);
    }

    /** x ← α·x; returns x. */
    public static INDArray scale(double alpha, INDArray x) {
        return TUNED ? Level1.scale(alpha, x) : PortableKernels.scale(alpha, x);
    }

    /** y ← x; returns y. */
    public static INDArray copy(INDArray x, INDArray y) {
        return TUNED ? Level1.copy(x, y) : PortableKernels.copy(x, y);
    }

    /** Σ x_i·y_i. */
    public static double dot(INDArray x, INDArray y) {
        return TUNED ? Level1.dot(x, y) : PortableKernels.dot(x, y);
    }

    /** Σ |x_i|: NaN or ±∞ exactly when an element is (short of overflow). */
    public static double absoluteSum(INDArray x) {
        return TUNED ? Level1.absoluteSum(x) : PortableKernels.absoluteSum(x);
    }

    /** x ← 0; returns x. */
    public static INDArray zero(INDArray x) {
        return TUNED ? Level1.zero(x) : PortableKernels.zero(x);
    }

    /** z = σ(x) = 1 / (1 + e^−x). */
    public static INDArray sigmoid(INDArray x, INDArray z) {
        return TUNED ? Elementwise.sigmoid(x, z) : PortableKernels.sigmoid(x, z);
    }

    /** z = tanh(x), within a few ulps relative to the result however small |x| is. */
    public static INDArray tanh(INDArray x, INDArray z) {
        return TUNED ? Elementwise.tanh(x, z) : PortableKernels.tanh(x, z);
    }

    /** z = eˣ. */
    public static INDArray exp(INDArray x, INDArray z) {
        return TUNED ? Elementwise.exp(x, z) : PortableKernels.exp(x, z);
    }

    /** z = log x. */
    public static INDArray log(INDArray x, INDArray z) {
        return TUNED ? Elementwise.log(x, z) : PortableKernels.log(x, z);
    }

    /**
     * z = log(1 + x), accurate for small x: log w − ((w − 1) − x)/w with w = 1 + x rounded, the correction
     * restoring what the rounding lost (ND4J's Log1p computes log(1 + x) directly: float32 log1p(1e-10) = 0).
     */
    public static INDArray log1p(INDArray x, INDArray z) {
        INDArray w = x.add(1.0);
        INDArray lost = w.sub(1.0).subi(x).divi(w);
        return log(w, z).subi(lost);
    }

    /** z = erf(x). */
    public static INDArray erf(INDArray x, INDArray z) {
        return TUNED ? Elementwise.erf(x, z) : PortableKernels.erf(x, z);
    }

    /** z = √x. */
    public static INDArray sqrt(INDArray x, INDArray z) {
        return TUNED ? Elementwise.sqrt(x, z) : PortableKernels.sqrt(x, z);
    }

    /** z = max(x, 0); NaN may become 0 (see {@link #reluKeepingNaN}). */
    public static INDArray relu(INDArray x, INDArray z) {
        return TUNED ? Elementwise.relu(x, z) : PortableKernels.relu(x, z);
    }

    /** z = max(x, 0) with NaN kept, as PyTorch's and NumPy's ReLU. */
    public static INDArray reluKeepingNaN(INDArray x, INDArray z) {
        return TUNED ? Elementwise.reluKeepingNaN(x, z) : PortableKernels.reluKeepingNaN(x, z);
    }

    /** gradIn = gradOut ⊙ [f &gt; 0], the ReLU's chain rule read off its output f = max(s, 0). */
    public static INDArray reluGradient(INDArray f, INDArray gradOut, INDArray gradIn) {
        return TUNED ? Elementwise.reluGradient(f, gradOut, gradIn) : PortableKernels.reluGradient(f, gradOut, gradIn);
    }

    /** z = min(x, 0). */
    public static INDArray negativePart(INDArray x, INDArray z) {
        return TUNED ? Elementwise.negativePart(x, z) : PortableKernels.negativePart(x, z);
    }

    /** z = |x|. */
    public static INDArray abs(INDArray x, INDArray z) {
        return TUNED ? Elementwise.abs(x, z) : PortableKernels.abs(x, z);
    }

    /** z = sign(x) ∈ {−1, 0, 1}. */
    public static INDArray sign(INDArray x, INDArray z) {
        return TUNED ? Elementwise.sign(x, z) : PortableKernels.sign(x, z);
    }

    /** Row-wise softmax z_k = e^{x_k − m} / Σ_i e^{x_i − m}, m the row maximum. */
    public static INDArray softmax(INDArray x, INDArray z) {
        exp(x.subColumnVector(x.max(true, 1)), z);
        return z.diviColumnVector(z.sum(true, 1));
    }

    /** Row-wise log-softmax z_k = (x_k − m) − log Σ_i e^{x_i − m}. */
    public static INDArray logSoftmax(INDArray x, INDArray z) {
        if (TUNED && LogSoftmaxRows.apply(x, z)) {
            return z;
        }
        INDArray shifted = x.subColumnVector(x.max(true, 1));
        INDArray logSum = Transforms.log(exp(shifted, z).sum(true, 1), false);
        return z.assign(shifted).subiColumnVector(logSum);
    }

    /** z = log(1 + eˣ) as max(x, 0) + log1p(e^−|x|), finite for every finite x. */
    public static INDArray softplus(INDArray x, INDArray z, INDArray scratch) {
        abs(x, z).negi();
        log1p(exp(z, z), z);
        return z.addi(reluKeepingNaN(x, scratch));
    }

    /**
     * Adam's step on one parameter's gradient g and moments m, v at step t (from 1): {@code m ← β₁m + (1 − β₁)g},
     * {@code v ← β₂v + (1 − β₂)g²}, {@code g ← (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)}, computed as
     * {@code α_t·m / (√v + ε√(1 − β₂ᵗ))} with {@code α_t = √(1 − β₂ᵗ) / (1 − β₁ᵗ)}; returns g.
     */
    public static INDArray adam(INDArray g, INDArray m, INDArray v, double beta1, double beta2, double epsilon,
            long t) {
        double root = Math.sqrt(1 - Math.pow(beta2, t));
        double alpha = root / (1 - Math.pow(beta1, t));
        if (!TUNED || !AdamStep.apply(g, m, v, beta1, beta2, alpha, epsilon * root)) {
            PortableKernels.adam(g, m, v, beta1, beta2, epsilon * root, t);
        }
        return g;
    }

    /** The column of each row's largest element of the 2-D {@code x} (the first on ties): classes from scores. */
    public static int[] argMaxRows(INDArray x) {
        int[] classes = TUNED ? ArgMaxRows.apply(x) : null;
        return classes != null ? classes : PortableKernels.argMaxRows(x);
    }

    /** v ← μ·v + g, momentum's velocity. */
    public static void momentum(double mu, INDArray g, INDArray v) {
        if (TUNED) {
            Level1.momentum(mu, g, v);
        } else {
            PortableKernels.momentum(mu, g, v);
        }
    }

    /** w ← w − η·(g + μ·v), Nesterov's step from the updated velocity v. */
    public static void nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w) {
        if (TUNED) {
            Level1.nesterovStep(eta, mu, g, v, w);
        } else {
            PortableKernels.nesterovStep(eta, mu, g, v, w);
        }
    }


    /**
     * Copies row {@code rows[i]} of {@code source} into row i of {@code target} for i in [from, to), one part of a
     * batch gathered in parts (one memory copy per row for row-major arrays); returns target.
     */
    public static INDArray gatherRows(INDArray source, int[] rows, int from, int to, INDArray target) {
        return Rows.gather(source, rows, from, to, target);
    }

    /** Prepares the calling thread's native thread counts; called before a model's first pass on a thread. */
    public static void configureThisThread() {
        if (TUNED) {
            Threads.configureThisThread();
        }
    }

    /** Whether convolutions should run as ND4J's native conv2d op rather than as im2col and GEMMs. */
    public static boolean nativeConvolution() {
        return !TUNED || NativeBuild.hasOneDnn();
    }

    /**
     * 2-D convolution of images {@code x [N, C, H, W]} with {@code weights [O, C, k, k]} and {@code bias} (one per
     * output channel, or null), stride s and zero padding p, into {@code out [N, O, oH, oW]}: ND4J's conv2d op,
     * on every core the kernels may use.
     */
    public static INDArray conv2d(INDArray x, INDArray weights, INDArray bias, INDArray out, int kernel, int stride,
            int padding) {
        return runWide(() -> Convolutions.conv2d(x, weights, bias, out, kernel, stride, padding));
    }

    /** The convolution's ∂J/∂x, ∂J/∂W and ∂J/∂b (null without a bias) from ∂J/∂out, written (not added). */
    public static void conv2dBackward(INDArray x, INDArray weights, INDArray bias, INDArray gradOut, INDArray dx,
            INDArray dWeights, INDArray dBias, int kernel, int stride, int padding) {
        runWide(() -> {
            Convolutions.conv2dBackward(x, weights, bias, gradOut, dx, dWeights, dBias, kernel, stride, padding);
            return dx;
        });
    }

    /**
     * 2-D pooling over k×k windows (ND4J's {@code maxpool2d} or {@code avgpool2d}, by {@code op}; {@code mode} is
     * average pooling's divisor mode), on every core the kernels may use.
     */
    public static INDArray pool2d(String op, INDArray x, INDArray out, int kernel, int stride, int padding,
            int mode) {
        return runWide(() -> Convolutions.pool2d(op, x, out, kernel, stride, padding, mode));
    }

    /** The pooling's ∂J/∂x from ∂J/∂out. */
    public static INDArray pool2dBackward(String op, INDArray x, INDArray gradOut, INDArray dx, int kernel,
            int stride, int padding, int mode) {
        return runWide(() -> Convolutions.pool2dBackward(op, x, gradOut, dx, kernel, stride, padding, mode));
    }

    /** Runs a long native operation (convolution, pooling) on every core the tuned kernels may use. */
    private static <T> T runWide(Supplier<T> operation) {
        return TUNED ? Threads.runWide(operation) : operation.get();
    }
}
