package io.backprop4j.core.kernels;

import static io.backprop4j.core.kernels.NativeMemory.address;
import static io.backprop4j.core.kernels.NativeMemory.floats;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's element-wise kernels on float32 arrays: {@code z = max(x, 0)},
 * {@code ∂J/∂s = ∂J/∂f ⊙ [f > 0]} read off the ReLU's output f, {@code z = eˣ}, {@code z = tanh(x)}, and SGD's
 * momentum updates {@code v ← μ·v + g} and {@code w ← w − η·(g + μ·v)} ({@link MomentumPrimitives}). Each
 * returns false, computing nothing, where it does not apply: oneDNN not loaded, not float32, shapes that differ,
 * or memory that is not one contiguous block in one order (the updates also need 2¹⁴ elements); callers then use
 * ND4J or BLAS. (oneDNN's float32 log-softmax is not used: it is off by up to 4e-6, docs/performance.md.)
 *
 * <p>Why: an ND4J operation costs a fixed overhead and kilobytes of Java objects per call before it touches an
 * element; these kernels are one native call with no allocation (docs/performance.md, kernel figures).
 *
 * <p>Element-wise kernels on {@value TwoCores#ELEMENTWISE_SPLIT_LENGTH} elements or more run on two cores
 * ({@link TwoCores}) when the kernels are limited to one thread.
 *
 * <p>The primitives are {@link OneDnnVectors}'s, per thread, operation and length.
 */
final class OneDnnKernels {

    /**
     * The momentum updates take vectors of at least 2¹⁴ elements: on shorter ones oneDNN's call overhead
     * outweighs the passes saved, and BLAS is faster (docs/performance.md, kernel figures).
     */
    private static final long MIN_UPDATE_LENGTH = 1 << 14;

    private OneDnnKernels() {
    }

    /** z = max(x, 0). */
    public static boolean relu(INDArray x, INDArray z) {
        return elementwise(OneDnnVectors.Kind.RELU, x, z);
    }

    /** gradIn = gradOut ⊙ [f &gt; 0], f = max(s, 0) the ReLU's output. */
    public static boolean reluGradient(INDArray f, INDArray gradOut, INDArray gradIn) {
        if (!elementwiseApplies(f, gradOut) || !elementwiseApplies(f, gradIn)) {
            return false;
        }
        onVectors(OneDnnVectors.Kind.RELU_GRADIENT, f.length(), f, gradOut, gradIn, 0, 0);
        return true;
    }

    /** z = eˣ. */
    public static boolean exp(INDArray x, INDArray z) {
        return elementwise(OneDnnVectors.Kind.EXP, x, z);
    }

    /** z = tanh(x), within a few ulps of the exact value relative to it, near 0 too. */
    public static boolean tanh(INDArray x, INDArray z) {
        return elementwise(OneDnnVectors.Kind.TANH, x, z);
    }

    /** v ← μ·v + g, momentum's velocity, in one pass over both arrays; vectors of 2¹⁴ elements or more. */
    public static boolean momentum(double mu, INDArray g, INDArray v) {
        if (v.length() < MIN_UPDATE_LENGTH || !elementwiseApplies(v, g)) {
            return false;
        }
        onVectors(OneDnnVectors.Kind.MOMENTUM, v.length(), v, g, null, (float) mu, 0);
        return true;
    }

    /**
     * w ← w − η·(g + μ·v), Nesterov's step from the updated velocity v, in one pass over the three arrays;
     * vectors of 2¹⁴ elements or more.
     */
    public static boolean nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w) {
        if (v.length() < MIN_UPDATE_LENGTH || !elementwiseApplies(v, g) || !elementwiseApplies(v, w)) {
            return false;
        }
        onVectors(OneDnnVectors.Kind.NESTEROV_STEP, v.length(), v, g, w, (float) mu, (float) eta);
        return true;
    }

    private static boolean elementwise(OneDnnVectors.Kind kind, INDArray x, INDArray z) {
        if (!elementwiseApplies(x, z)) {
            return false;
        }
        onVectors(kind, x.length(), x, z, null, 0, 0);
        return true;
    }

    /**
     * Runs an element-wise kind on arrays read as vectors of n elements, with its scalars (μ and η for the
     * updates), split across two cores when long; {@code third} is null for kinds of two arrays.
     */
    private static void onVectors(OneDnnVectors.Kind kind, long n, INDArray first, INDArray second, INDArray third, float mu,
            float eta) {
        if (TwoCores.splitsElementwise(n)) {
            TwoCores.elementwise(kind, n, floats(first), floats(second), third == null ? null : floats(third), mu,
                    eta);
        } else {
            OneDnnVectors.run(kind, n, address(first), address(second), third == null ? null : address(third), mu, eta);
        }
    }

    /** Element i of x is element i of y in memory, both float32: an element-wise kernel sees two vectors. */
    private static boolean elementwiseApplies(INDArray x, INDArray y) {
        return OneDnn.available() && x.dataType() == DataType.FLOAT && y.dataType() == DataType.FLOAT
                && NativeMemory.sameContiguousLayout(x, y);
    }
}
