package io.backprop4j.core;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The native threads. ND4J runs its own kernels (element-wise operations, reductions, row gathers) and
 * oneDNN's ({@link Gemm}, convolutions) on OpenMP threads, and OpenBLAS ({@link Level1}, ND4J's own matrix
 * products) on its own threads. On a machine with few cores the pools spin-wait against each other: here, on
 * 2 cores, the Fashion-MNIST MLP trained at 6–15k samples/s with ND4J's defaults and at 13–25k with ND4J's
 * kernels on one thread. With every pool on one thread, two OpenMP threads for the matrix products alone
 * did not pay: 54–68k samples/s against 42–72k in interleaved runs (docs/performance.md). This is a
 * process-wide setting; call it before training.
 */
public final class Threads {

    private Threads() {
    }

    /** Runs ND4J's kernels, oneDNN's and OpenBLAS's on at most {@code threads} threads each. */
    public static void limitKernelThreads(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("Threads: a thread count must be positive, got " + threads);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
