package io.backprop4j.core;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's CPU threads. ND4J runs its own kernels (element-wise operations, reductions, row gathers) on
 * OpenMP threads and matrix products on OpenBLAS's threads. On a machine with few cores the two pools
 * spin-wait against each other: here, on 2 cores, the Fashion-MNIST MLP trained at 6–15k samples/s with
 * ND4J's defaults and at 13–25k with its kernels on one thread (interleaved runs, docs/performance.md).
 * This is a process-wide setting; call it before training.
 */
public final class Threads {

    private Threads() {
    }

    /** Runs ND4J's own kernels on {@code threads} threads; BLAS keeps its own thread count. */
    public static void limitKernelThreads(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("Threads: a thread count must be positive, got " + threads);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
