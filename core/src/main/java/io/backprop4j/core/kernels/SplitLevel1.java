package io.backprop4j.core.kernels;

import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sasum;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sscal;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * BLAS level 1 on long float32 vectors, computed on two cores: the calling thread takes the first half of the
 * elements and {@link HelperThread} the second, {@code y[0, h) ← y[0, h) + α·x[0, h)} beside
 * {@code y[h, n) ← y[h, n) + α·x[h, n)}; a sum adds the halves' sums. Element-wise results are the same as
 * one call's; a sum may differ in its last bits.
 *
 * <p>The optimizer's updates, the Trainer's finiteness check and the zeroing of gradients are such
 * operations; with the GEMMs split, they were the largest part of the MLP step left on one core.
 */
final class SplitLevel1 extends HelperThread.Job {

    /** Vectors of at least 2¹⁶ elements, long enough to pay for the hand-over, are split. */
    private static final int SPLIT_LENGTH = 1 << 16;

    private static final ThreadLocal<SplitLevel1> SECOND_HALF = ThreadLocal.withInitial(SplitLevel1::new);

    private enum Operation { AXPY, SCALE, ABSOLUTE_SUM, ZERO }

    private Operation operation;
    private int n;
    private float alpha;
    private final FloatAddress x = new FloatAddress();
    private final FloatAddress y = new FloatAddress();
    private double sum;

    private SplitLevel1() {
    }

    /** Whether a vector of {@code n} elements is split: long enough, and the kernels limited to one thread. */
    static boolean splits(long n) {
        return n >= SPLIT_LENGTH && Threads.oneKernelThreadOfSeveral();
    }

    /** y ← y + α·x over n elements. */
    static void axpy(int n, float alpha, FloatPointer x, FloatPointer y) {
        int h = n / 2;
        SplitLevel1 second = SECOND_HALF.get().set(Operation.AXPY, n - h, alpha);
        second.x.at(x, h);
        second.y.at(y, h);
        HelperThread.offer(second);
        cblas_saxpy(h, alpha, x, 1, y, 1);
        second.join();
    }

    /** x ← α·x over n elements. */
    static void scale(int n, float alpha, FloatPointer x) {
        int h = n / 2;
        SplitLevel1 second = SECOND_HALF.get().set(Operation.SCALE, n - h, alpha);
        second.x.at(x, h);
        HelperThread.offer(second);
        cblas_sscal(h, alpha, x, 1);
        second.join();
    }

    /** Σ|xᵢ| over n elements. */
    static double absoluteSum(int n, FloatPointer x) {
        int h = n / 2;
        SplitLevel1 second = SECOND_HALF.get().set(Operation.ABSOLUTE_SUM, n - h, 0);
        second.x.at(x, h);
        HelperThread.offer(second);
        double first = cblas_sasum(h, x, 1);
        second.join();
        return first + second.sum;
    }

    /** x ← 0 over n elements. */
    static void zero(int n, FloatPointer x) {
        int h = n / 2;
        SplitLevel1 second = SECOND_HALF.get().set(Operation.ZERO, n - h, 0);
        second.x.at(x, h);
        HelperThread.offer(second);
        Pointer.memset(x, 0, (long) h * Float.BYTES);
        second.join();
    }

    private SplitLevel1 set(Operation operation, int n, float alpha) {
        this.operation = operation;
        this.n = n;
        this.alpha = alpha;
        return this;
    }

    @Override
    protected void compute() {
        switch (operation) {
            case AXPY -> cblas_saxpy(n, alpha, x, 1, y, 1);
            case SCALE -> cblas_sscal(n, alpha, x, 1);
            case ABSOLUTE_SUM -> sum = cblas_sasum(n, x, 1);
            case ZERO -> Pointer.memset(x, 0, (long) n * Float.BYTES);
        }
    }
}
