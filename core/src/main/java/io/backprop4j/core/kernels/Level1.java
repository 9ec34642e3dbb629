package io.backprop4j.core.kernels;

import static io.backprop4j.core.kernels.NativeMemory.doubles;
import static io.backprop4j.core.kernels.NativeMemory.floats;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dasum;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dcopy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_ddot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dscal;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sasum;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_scopy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sdot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sscal;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * BLAS level 1 on whole arrays, read as vectors of all their elements: {@code y ← y + α·x},
 * {@code x ← α·x}, {@code y ← x}, {@code xᵀy}, {@code Σ|x|}, {@code x ← 0}.
 *
 * <p>Contiguous float32 and float64 arrays (the parameters, gradients and optimizer state) go straight to
 * the OpenBLAS that ND4J bundles, one JNI call each. An ND4J operation's fixed cost per call made the optimizer
 * step of the MLP mostly overhead (docs/performance.md, kernel figures). Views with
 * gaps, other types or arrays of different memory orders go through ND4J's operations, with the same result.
 * Float32 vectors of 2¹⁶ elements and more are split across two cores ({@link TwoCores}) when the kernels
 * run on one thread.
 */
final class Level1 {

    private Level1() {
    }

    /** y ← y + α·x; returns y. */
    public static INDArray axpy(double alpha, INDArray x, INDArray y) {
        Arguments.requireSameShape("Level1.axpy", x, y);
        if (!direct(x, y)) {
            return Nd4j.exec(new Axpy(x, y, y, alpha));
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT && TwoCores.splitsLevel1(n)) {
            TwoCores.axpy(n, (float) alpha, floats(x), floats(y));
        } else if (x.dataType() == DataType.FLOAT) {
            cblas_saxpy(n, (float) alpha, floats(x), 1, floats(y), 1);
        } else {
            cblas_daxpy(n, alpha, doubles(x), 1, doubles(y), 1);
        }
        return y;
    }

    /** x ← α·x; returns x. */
    public static INDArray scale(double alpha, INDArray x) {
        if (!direct(x, x)) {
            return x.muli(alpha);
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT && TwoCores.splitsLevel1(n)) {
            TwoCores.scale(n, (float) alpha, floats(x));
        } else if (x.dataType() == DataType.FLOAT) {
            cblas_sscal(n, (float) alpha, floats(x), 1);
        } else {
            cblas_dscal(n, alpha, doubles(x), 1);
        }
        return x;
    }

    /** y ← x; returns y. */
    public static INDArray copy(INDArray x, INDArray y) {
        Arguments.requireSameShape("Level1.copy", x, y);
        if (!direct(x, y)) {
            return y.assign(x);
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            cblas_scopy(n, floats(x), 1, floats(y), 1);
        } else {
            cblas_dcopy(n, doubles(x), 1, doubles(y), 1);
        }
        return y;
    }

    /** xᵀy = Σᵢ xᵢ·yᵢ over all elements. */
    public static double dot(INDArray x, INDArray y) {
        Arguments.requireSameShape("Level1.dot", x, y);
        if (!direct(x, y)) {
            return x.mul(y).sumNumber().doubleValue();
        }
        int n = (int) x.length();
        return x.dataType() == DataType.FLOAT ? cblas_sdot(n, floats(x), 1, floats(y), 1)
                : cblas_ddot(n, doubles(x), 1, doubles(y), 1);
    }

    /**
     * Σ|xᵢ|: finite exactly when every element is finite, unless the elements are so large that the sum
     * overflows (beyond about 3·10³⁸ in float32), which a caller checking for divergence also wants to know.
     */
    public static double absoluteSum(INDArray x) {
        if (!direct(x, x)) {
            return Transforms.abs(x, true).sumNumber().doubleValue();
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            return TwoCores.splitsLevel1(n) ? TwoCores.absoluteSum(n, floats(x)) : cblas_sasum(n, floats(x), 1);
        }
        return cblas_dasum(n, doubles(x), 1);
    }

    /** x ← 0; returns x. */
    public static INDArray zero(INDArray x) {
        if (!direct(x, x)) {
            return x.assign(0);
        }
        if (x.dataType() == DataType.FLOAT && TwoCores.splitsLevel1(x.length())) {
            TwoCores.zero(x.length(), floats(x));
        } else {
            Pointer.memset(NativeMemory.address(x), 0, x.length() * x.dataType().width());
        }
        return x;
    }

    /**
     * Whether both arrays are float32 or float64 of one type, hold their elements contiguously (no gaps) in the
     * same memory order and shape, so that element i of one is element i of the other in memory.
     */
    private static boolean direct(INDArray x, INDArray y) {
        DataType type = x.dataType();
        return (type == DataType.FLOAT || type == DataType.DOUBLE) && y.dataType() == type
                && NativeMemory.sameContiguousLayout(x, y);
    }

    /** v ← μ·v + g: one oneDNN pass on long float32 vectors, else two BLAS ones. */
    static void momentum(double mu, INDArray g, INDArray v) {
        if (!OneDnnKernels.momentum(mu, g, v)) {
            axpy(1, g, scale(mu, v));
        }
    }

    /** w ← w − η·(g + μ·v): one oneDNN pass on long float32 vectors, else two BLAS ones (g is overwritten). */
    static void nesterovStep(double eta, double mu, INDArray g, INDArray v, INDArray w) {
        if (!OneDnnKernels.nesterovStep(eta, mu, g, v, w)) {
            axpy(-eta, axpy(mu, v, g), w);
        }
    }
}
