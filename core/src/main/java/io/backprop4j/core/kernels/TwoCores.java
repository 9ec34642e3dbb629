package io.backprop4j.core.kernels;

import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sasum;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sscal;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A float32 kernel cut in two halves computed on two cores: the calling thread computes the first half and
 * {@link HelperThread} the second (or the caller both, when the helper is busy or late, with the same calls).
 *
 * <ul>
 *   <li>A row-major {@code dnnl_sgemm}, {@code C ← α·op(A)·op(B) + β·C}: C is cut into two blocks of rows,
 *   {@code Cᵢ = α·op(A)ᵢ·op(B) + β·Cᵢ}, or of columns, {@code Cⱼ = α·op(A)·op(B)ⱼ + β·Cⱼ}, whichever dimension
 *   is longer. Deterministic, but it may differ from one unsplit call's in the last bits: oneDNN may block the
 *   sums differently for the halves' shapes.</li>
 *   <li>BLAS level 1 ({@code y ← y + α·x}, {@code x ← α·x}, {@code x ← 0}) and oneDNN's element-wise kernels
 *   ({@link OneDnnVectors}: ReLU, its gradient, eˣ, the momentum updates) on elements {@code [0, h)} and
 *   {@code [h, n)}: element by element the same as one call. {@code Σ|x|} adds the halves' sums, and may
 *   differ from one call's in the last bits.</li>
 * </ul>
 *
 * <p>Splitting replaces OpenMP's second thread for the MLP's products and vectors: on 2 cores OpenMP's worker kept
 * spinning through the step's one-thread phases and made some processes' steps 1.5× slower
 * (docs/performance.md). Nothing here allocates: each thread reuses its two halves.
 */
final class TwoCores extends HelperThread.Job {

    /** Element-wise kernels on vectors of at least 2¹⁴ elements, long enough to pay for the hand-over, split. */
    static final int ELEMENTWISE_SPLIT_LENGTH = 1 << 14;

    /** BLAS level 1 on vectors of at least 2¹⁶ elements splits. */
    static final int LEVEL1_SPLIT_LENGTH = 1 << 16;

    private static final ThreadLocal<TwoCores[]> HALVES =
            ThreadLocal.withInitial(() -> new TwoCores[] {new TwoCores(), new TwoCores()});

    private enum Operation { SGEMM, AXPY, SCALE, ABSOLUTE_SUM, ZERO, ELEMENTWISE }

    private Operation operation;
    private final FloatAddress a = new FloatAddress();
    private final FloatAddress b = new FloatAddress();
    private final FloatAddress c = new FloatAddress();
    private boolean hasC;
    private long n;
    private float alpha;
    private float mu;
    private float eta;
    private OneDnnVectors.Kind kind;
    private byte transA;
    private byte transB;
    private long m;
    private long k;
    private long lda;
    private long ldb;
    private long ldc;
    private float beta;
    private int status;
    private double sum;

    private TwoCores() {
    }

    /** Whether an element-wise kernel on {@code n} elements splits: long enough, and the kernels on one thread. */
    static boolean splitsElementwise(long n) {
        return n >= ELEMENTWISE_SPLIT_LENGTH && Threads.oneKernelThreadOfSeveral();
    }

    /** Whether BLAS level 1 on {@code n} elements splits: long enough, and the kernels on one thread. */
    static boolean splitsLevel1(long n) {
        return n >= LEVEL1_SPLIT_LENGTH && Threads.oneKernelThreadOfSeveral();
    }

    /** y ← y + α·x over n elements. */
    static void axpy(long n, float alpha, FloatPointer x, FloatPointer y) {
        TwoCores[] halves = vectors(Operation.AXPY, n, x, y, null);
        halves[0].alpha = alpha;
        halves[1].alpha = alpha;
        run(halves);
    }

    /** x ← α·x over n elements. */
    static void scale(long n, float alpha, FloatPointer x) {
        TwoCores[] halves = vectors(Operation.SCALE, n, x, x, null);
        halves[0].alpha = alpha;
        halves[1].alpha = alpha;
        run(halves);
    }

    /** Σ|xᵢ| over n elements. */
    static double absoluteSum(long n, FloatPointer x) {
        TwoCores[] halves = vectors(Operation.ABSOLUTE_SUM, n, x, x, null);
        run(halves);
        return halves[0].sum + halves[1].sum;
    }

    /** x ← 0 over n elements. */
    static void zero(long n, FloatPointer x) {
        run(vectors(Operation.ZERO, n, x, x, null));
    }

    /**
     * Runs the element-wise {@code kind} on n elements of each argument, in its argument order, with its scalars μ
     * and η; {@code third} is null for kinds of two arguments.
     */
    static void elementwise(OneDnnVectors.Kind kind, long n, FloatPointer first, FloatPointer second,
            FloatPointer third, float mu, float eta) {
        TwoCores[] halves = vectors(Operation.ELEMENTWISE, n, first, second, third);
        for (TwoCores half : halves) {
            half.kind = kind;
            half.mu = mu;
            half.eta = eta;
        }
        run(halves);
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
        long h = (byRows ? m : n) / 2;
        TwoCores[] halves = HALVES.get();
        for (TwoCores half : halves) {
            half.operation = Operation.SGEMM;
            half.transA = transA;
            half.transB = transB;
            half.k = k;
            half.alpha = alpha;
            half.beta = beta;
            half.lda = lda;
            half.ldb = ldb;
            half.ldc = ldc;
        }
        halves[0].gemmBlock(byRows ? h : m, byRows ? n : h, a, 0, b, 0, c, 0);
        halves[1].gemmBlock(byRows ? m - h : m, byRows ? n : n - h,
                a, byRows ? (transA == 'N' ? h * lda : h) : 0,
                b, byRows ? 0 : (transB == 'N' ? h : h * ldb),
                c, byRows ? h * ldc : h);
        run(halves);
        return halves[0].status != dnnl.dnnl_success ? halves[0].status : halves[1].status;
    }

    private void gemmBlock(long m, long n, FloatPointer a, long aOffset, FloatPointer b, long bOffset,
            FloatPointer c, long cOffset) {
        this.m = m;
        this.n = n;
        this.a.at(a, aOffset);
        this.b.at(b, bOffset);
        this.c.at(c, cOffset);
    }

    /** This thread's halves set to elements {@code [0, n/2)} and {@code [n/2, n)} of the vectors x, y and z. */
    private static TwoCores[] vectors(Operation operation, long n, FloatPointer x, FloatPointer y, FloatPointer z) {
        TwoCores[] halves = HALVES.get();
        long h = n / 2;
        for (int i = 0; i < 2; i++) {
            TwoCores half = halves[i];
            long offset = i * h;
            half.operation = operation;
            half.n = i == 0 ? h : n - h;
            half.a.at(x, offset);
            half.b.at(y, offset);
            half.hasC = z != null;
            if (z != null) {
                half.c.at(z, offset);
            }
        }
        return halves;
    }

    private static void run(TwoCores[] halves) {
        HelperThread.offer(halves[1]);
        halves[0].compute();
        halves[1].join();
    }

    @Override
    protected void compute() {
        int length = (int) n;
        switch (operation) {
            case SGEMM -> status = dnnl.dnnl_sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            case AXPY -> cblas_saxpy(length, alpha, a, 1, b, 1);
            case SCALE -> cblas_sscal(length, alpha, a, 1);
            case ABSOLUTE_SUM -> sum = cblas_sasum(length, a, 1);
            case ZERO -> Pointer.memset(a, 0, n * Float.BYTES);
            case ELEMENTWISE -> OneDnnVectors.run(kind, n, a, b, hasC ? c : null, mu, eta);
        }
    }
}
