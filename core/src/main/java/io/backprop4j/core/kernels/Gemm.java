package io.backprop4j.core.kernels;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * General matrix multiplication into a preallocated result, {@code C ← α·op(A)·op(B) + β·C} with
 * {@code op(X) = X} or {@code Xᵀ}: the one GEMM entry point of the layers.
 *
 * <p>Float32 matrices whose rows or columns are contiguous go straight to oneDNN's {@code dnnl_sgemm} when
 * oneDNN is loaded (Linux x86_64, see {@link NativeBuild#hasOneDnn()}): one JNI call, no ND4J operation
 * object, and oneDNN's AVX-512 kernels, faster than ND4J's {@code gemm} (OpenBLAS 0.3.19, AVX2 kernels) on the
 * MLP's shapes (docs/performance.md, kernel figures). Everything else (float64, other strides, other platforms)
 * goes to {@link Nd4j#gemm}, which computes the same product.
 *
 * <p>Large products use all cores ({@link Threads#runWide}); medium ones are split across two cores
 * ({@link TwoCores}) when the kernels run on one thread; the others run on the kernel thread count.
 *
 * <p>{@code dnnl_sgemm} is row-major. A column-major matrix is the row-major storage of its transpose, so it
 * enters with its transpose flag flipped; a column-major C is computed as {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}.
 */
final class Gemm {

    /**
     * Products of at least 2²⁶ multiply-adds (over a millisecond on one core) run on {@link Threads#runWide}: the
     * CNN's dense 9216→128 layer gained from two threads, the MLP's products (at most 2.6·10⁷) lost
     * (docs/performance.md, kernel figures).
     */
    private static final long WIDE_PRODUCT = 1L << 26;

    /**
     * Smaller products of at least 2²¹ multiply-adds are split across two cores ({@link TwoCores}) when the
     * kernels run on one thread, which nearly halved the MLP's largest product
     * (docs/performance.md, kernel figures).
     */
    private static final long SPLIT_PRODUCT = 1L << 21;

    private Gemm() {
    }

    /** {@code c ← α·op(a)·op(b) + β·c}; returns {@code c}. */
    public static INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
            double alpha, double beta) {
        Threads.configureThisThread();
        if (!OneDnn.available() || !sgemm(a, b, c, transposeA, transposeB, (float) alpha, (float) beta)) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        }
        return c;
    }

    /** Whether float32 products run on oneDNN's sgemm in this process. */
    public static boolean usesOneDnn() {
        return OneDnn.available();
    }

    private static boolean sgemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
            float alpha, float beta) {
        if (!blasMatrix(a) || !blasMatrix(b) || !blasMatrix(c)) {
            return false;
        }
        long m = c.rows();
        long n = c.columns();
        long k = transposeA ? a.rows() : a.columns();
        if ((transposeA ? a.columns() : a.rows()) != m || (transposeB ? b.columns() : b.rows()) != k
                || (transposeB ? b.rows() : b.columns()) != n) {
            return false;
        }
        long product = m * n * k;
        int status = product >= WIDE_PRODUCT
                ? Threads.runWide(() -> rowMajorSgemm(a, b, c, transposeA, transposeB, m, n, k, alpha, beta, false))
                : rowMajorSgemm(a, b, c, transposeA, transposeB, m, n, k, alpha, beta,
                        product >= SPLIT_PRODUCT && Threads.oneKernelThreadOfSeveral());
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("Gemm: dnnl_sgemm failed with status " + status + " for "
                    + Arguments.describe(a) + (transposeA ? "ᵀ" : "") + " · " + Arguments.describe(b)
                    + (transposeB ? "ᵀ" : "") + " into " + Arguments.describe(c));
        }
        return true;
    }

    /**
     * One {@code dnnl_sgemm}, split across two cores when {@code split}; a column-major C enters as
     * {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}.
     */
    private static int rowMajorSgemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
            long m, long n, long k, float alpha, float beta, boolean split) {
        FloatPointer pa = NativeMemory.floats(a);
        FloatPointer pb = NativeMemory.floats(b);
        FloatPointer pc = NativeMemory.floats(c);
        return rowMajor(c)
                ? TwoCores.sgemm(split, flag(transposeA != columnMajor(a)), flag(transposeB != columnMajor(b)),
                        m, n, k, alpha, pa, leading(a), pb, leading(b), beta, pc, leading(c))
                : TwoCores.sgemm(split, flag(!transposeB != columnMajor(b)), flag(!transposeA != columnMajor(a)),
                        n, m, k, alpha, pb, leading(b), pa, leading(a), beta, pc, leading(c));
    }

    private static byte flag(boolean transpose) {
        return (byte) (transpose ? 'T' : 'N');
    }

    /**
     * A float32 matrix as BLAS takes it: its rows contiguous (row-major) or its columns (column-major), the
     * distance between consecutive rows or columns being its leading dimension.
     */
    private static boolean blasMatrix(INDArray x) {
        return x.rank() == 2 && x.dataType() == DataType.FLOAT && !x.isEmpty() && (rowMajor(x) || columnMajor(x));
    }

    private static boolean rowMajor(INDArray x) {
        return x.stride(1) == 1 && (x.rows() == 1 || x.stride(0) >= x.columns());
    }

    private static boolean columnMajor(INDArray x) {
        return !rowMajor(x) && x.stride(0) == 1 && (x.columns() == 1 || x.stride(1) >= x.rows());
    }

    private static long leading(INDArray x) {
        if (rowMajor(x)) {
            return x.rows() == 1 ? x.columns() : x.stride(0);
        }
        return x.columns() == 1 ? x.rows() : x.stride(1);
    }
}
