package io.backprop4j.core;

import java.util.function.Supplier;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * General matrix multiplication into a preallocated result, {@code C ← α·op(A)·op(B) + β·C} with
 * {@code op(X) = X} or {@code Xᵀ}: the one GEMM entry point of the layers.
 *
 * <p>Float32 matrices whose rows or columns are contiguous go straight to oneDNN's {@code dnnl_sgemm} when
 * oneDNN is loaded (Linux x86_64, see {@link NativeBuild#hasOneDnn()}): one JNI call, no ND4J operation
 * object, and oneDNN's AVX-512 kernels. On the Fashion-MNIST MLP's shapes it ran at 100–108 GFLOP/s on one
 * core and 150–210 on two, where ND4J's {@code gemm} (OpenBLAS 0.3.19, AVX2 kernels) ran at 41–105
 * (docs/performance.md). Everything else (float64, other strides, other platforms) goes to
 * {@link Nd4j#gemm}, which computes the same product.
 *
 * <p>Large products use all cores ({@link Threads#runWide}), the others the kernel thread count.
 *
 * <p>{@code dnnl_sgemm} is row-major. A column-major matrix is the row-major storage of its transpose, so it
 * enters with its transpose flag flipped; a column-major C is computed as {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}.
 */
public final class Gemm {

    private static final Logger LOG = LoggerFactory.getLogger(Gemm.class);
    private static final boolean ONE_DNN = loadOneDnn();

    /**
     * Products of at least 2²⁶ multiply-adds (over a millisecond on one core) run on {@link Threads#runWide}:
     * the CNN's dense 9216→128 layer took 2.0 + 4.7 ms forward and backward on one thread and 1.25 + 3.0 ms
     * on two (interleaved probes); the MLP's products, at most 2.6·10⁷, lost with two threads.
     */
    private static final long WIDE_PRODUCT = 1L << 26;

    private Gemm() {
    }

    /** {@code c ← α·op(a)·op(b) + β·c}; returns {@code c}. */
    public static INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
            double alpha, double beta) {
        if (!ONE_DNN || !sgemm(a, b, c, transposeA, transposeB, (float) alpha, (float) beta)) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        }
        return c;
    }

    /** Whether float32 products run on oneDNN's sgemm in this process. */
    public static boolean usesOneDnn() {
        return ONE_DNN;
    }

    private static boolean sgemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
            float alpha, float beta) {
        Storage sa = Storage.of(a);
        Storage sb = Storage.of(b);
        Storage sc = Storage.of(c);
        if (sa == null || sb == null || sc == null) {
            return false;
        }
        long m = c.rows();
        long n = c.columns();
        long k = transposeA ? a.rows() : a.columns();
        if ((transposeA ? a.columns() : a.rows()) != m || (transposeB ? b.columns() : b.rows()) != k
                || (transposeB ? b.rows() : b.columns()) != n) {
            return false;
        }
        Supplier<Integer> product = sc.rowMajor
                ? () -> dnnl.dnnl_sgemm(flag(transposeA != sa.columnMajor()), flag(transposeB != sb.columnMajor()),
                        m, n, k, alpha, sa.pointer, sa.leading, sb.pointer, sb.leading, beta, sc.pointer, sc.leading)
                : () -> dnnl.dnnl_sgemm(flag(!transposeB != sb.columnMajor()), flag(!transposeA != sa.columnMajor()),
                        n, m, k, alpha, sb.pointer, sb.leading, sa.pointer, sa.leading, beta, sc.pointer, sc.leading);
        int status = m * n * k >= WIDE_PRODUCT ? Threads.runWide(product) : product.get();
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("Gemm: dnnl_sgemm failed with status " + status + " for "
                    + Shapes.describe(a) + (transposeA ? "ᵀ" : "") + " · " + Shapes.describe(b)
                    + (transposeB ? "ᵀ" : "") + " into " + Shapes.describe(c));
        }
        return true;
    }

    private static byte flag(boolean transpose) {
        return (byte) (transpose ? 'T' : 'N');
    }

    /**
     * A float32 matrix as BLAS sees it: rows contiguous (row-major) or columns contiguous (column-major),
     * with the distance between consecutive rows or columns as leading dimension.
     */
    private record Storage(FloatPointer pointer, boolean rowMajor, long leading) {

        static Storage of(INDArray x) {
            if (x.rank() != 2 || x.dataType() != DataType.FLOAT || x.isEmpty()) {
                return null;
            }
            long rows = x.rows();
            long columns = x.columns();
            boolean rowMajor = x.stride(1) == 1 && (rows == 1 || x.stride(0) >= columns);
            boolean columnMajor = x.stride(0) == 1 && (columns == 1 || x.stride(1) >= rows);
            if (!rowMajor && !columnMajor) {
                return null;
            }
            // a view's data buffer starts at the view's offset
            FloatPointer pointer = new FloatPointer(x.data().addressPointer());
            if (rowMajor) {
                return new Storage(pointer, true, rows == 1 ? columns : x.stride(0));
            }
            return new Storage(pointer, false, columns == 1 ? rows : x.stride(1));
        }

        boolean columnMajor() {
            return !rowMajor;
        }
    }

    private static boolean loadOneDnn() {
        if (!NativeBuild.hasOneDnn()) {
            return false;
        }
        try {
            Loader.load(dnnl.class);
            return true;
        } catch (LinkageError e) {
            LOG.info("oneDNN's Java bindings could not load ({}); matrix products use ND4J's gemm", e.toString());
            return false;
        }
    }
}
