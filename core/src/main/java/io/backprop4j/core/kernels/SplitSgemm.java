package io.backprop4j.core.kernels;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A row-major {@code dnnl_sgemm}, {@code C ← α·op(A)·op(B) + β·C}, computed on two cores: C is cut into two
 * blocks of rows, {@code C = [C₁; C₂]} with {@code Cᵢ = α·op(A)ᵢ·op(B) + β·Cᵢ}, or into two blocks of columns,
 * {@code Cⱼ = α·op(A)·op(B)ⱼ + β·Cⱼ}, whichever dimension is longer. The calling thread computes the first
 * block and {@link HelperThread} the second, each with one single-threaded {@code dnnl_sgemm}; when the helper
 * is busy or late, the caller computes both, with the same calls. The result is deterministic but may differ
 * from one unsplit call's in the last bits: oneDNN may block the sums differently for the halves' shapes.
 *
 * <p>It replaces OpenMP's second thread for the MLP's products: on 2 cores OpenMP's worker kept spinning
 * through the step's one-thread phases and made some processes' steps 1.5× slower (docs/performance.md).
 */
final class SplitSgemm extends HelperThread.Job {

    private static final ThreadLocal<SplitSgemm> SECOND_BLOCK = ThreadLocal.withInitial(SplitSgemm::new);

    private byte transA;
    private byte transB;
    private long m;
    private long n;
    private long k;
    private float alpha;
    private float beta;
    private long lda;
    private long ldb;
    private long ldc;
    private final FloatAddress a = new FloatAddress();
    private final FloatAddress b = new FloatAddress();
    private final FloatAddress c = new FloatAddress();
    private int status;

    private SplitSgemm() {
    }

    /**
     * {@code dnnl_sgemm}'s arguments, row-major; returns its status. The product is split when {@code split}
     * is true and C has at least two rows or columns.
     */
    static int sgemm(boolean split, byte transA, byte transB, long m, long n, long k, float alpha, FloatPointer a,
            long lda, FloatPointer b, long ldb, float beta, FloatPointer c, long ldc) {
        if (!split || Math.max(m, n) < 2) {
            return dnnl.dnnl_sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
        boolean byRows = m >= n;
        long first = (byRows ? m : n) / 2;
        SplitSgemm second = SECOND_BLOCK.get();
        second.set(transA, transB, byRows ? m - first : m, byRows ? n : n - first, k, alpha, beta, lda, ldb, ldc);
        second.a.at(a, byRows ? (transA == 'N' ? first * lda : first) : 0);
        second.b.at(b, byRows ? 0 : (transB == 'N' ? first : first * ldb));
        second.c.at(c, byRows ? first * ldc : first);
        HelperThread.offer(second);
        int firstStatus = dnnl.dnnl_sgemm(transA, transB, byRows ? first : m, byRows ? n : first, k, alpha, a,
                lda, b, ldb, beta, c, ldc);
        second.join();
        return firstStatus != dnnl.dnnl_success ? firstStatus : second.status;
    }

    private void set(byte transA, byte transB, long m, long n, long k, float alpha, float beta, long lda,
            long ldb, long ldc) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        this.lda = lda;
        this.ldb = ldb;
        this.ldc = ldc;
    }

    @Override
    protected void compute() {
        status = dnnl.dnnl_sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
