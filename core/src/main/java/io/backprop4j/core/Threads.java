package io.backprop4j.core;

import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The native threads. ND4J runs its own kernels (element-wise operations, reductions, row gathers) and
 * oneDNN's ({@link Gemm}, convolutions) on OpenMP threads, and OpenBLAS ({@link Level1}, ND4J's own matrix
 * products) on its own threads. On a machine with few cores the pools spin-wait against each other: here, on
 * 2 cores, the Fashion-MNIST MLP trained at 6–15k samples/s with ND4J's defaults and at 13–25k with ND4J's
 * kernels on one thread. With every pool on one thread, two OpenMP threads for the MLP's matrix products
 * did not pay: 54–68k samples/s against 42–72k in interleaved runs (docs/performance.md).
 *
 * <p>Operations that take milliseconds do pay for more threads: a convolution of the PyTorch-example CNN
 * took 21.6–27.0 ms on one OpenMP thread and 11.9–13.0 ms on two, and its training step 87 against 67–73
 * ms. {@link #runWide} runs such an operation on {@link #wideThreads()} OpenMP threads and then returns
 * OpenMP to the kernel thread count.
 *
 * <p>With the kernels on one thread, the other cores are not left idle: {@link HelperThread} computes half of
 * each medium matrix product ({@link SplitSgemm}), long vector operation ({@link SplitLevel1}) and long
 * element-wise kernel ({@link SplitElementwise}), without
 * OpenMP's spinning workers; {@code setWideThreads(1)} turns that off. OpenMP's thread count belongs to the
 * thread that sets it, so call {@link #limitKernelThreads} on the training thread, before training; ND4J's
 * and OpenBLAS's counts are process-wide.
 */
public final class Threads {

    private static volatile int kernelThreads;
    private static volatile int wideThreads = Runtime.getRuntime().availableProcessors();

    private Threads() {
    }

    /**
     * Runs ND4J's kernels and oneDNN's on at most {@code threads} OpenMP threads. OpenBLAS gets as many where it
     * multiplies matrices (no oneDNN), else one: it then only runs {@link Level1}'s memory-bound vector
     * operations, which lost against a second thread pool spinning beside OpenMP's.
     */
    public static void limitKernelThreads(int threads) {
        requirePositive(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(OneDnn.available() ? 1 : threads);
        kernelThreads = threads;
    }

    /** The OpenMP threads {@link #runWide} gives one long operation; all cores unless set. */
    public static int wideThreads() {
        return wideThreads;
    }

    public static void setWideThreads(int threads) {
        requirePositive(threads);
        wideThreads = threads;
    }

    /**
     * Runs {@code operation}, one native operation of milliseconds (a convolution), on {@link #wideThreads()}
     * OpenMP threads when {@link #limitKernelThreads} has limited them, restoring the limit afterwards;
     * without a limit OpenMP keeps its own count. Returns the operation's result.
     */
    public static <T> T runWide(Supplier<T> operation) {
        int limit = kernelThreads;
        if (limit == 0 || limit == wideThreads) {
            return operation.get();
        }
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(wideThreads);
        try {
            return operation.get();
        } finally {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(limit);
        }
    }

    /**
     * Whether the kernels are limited to one thread and {@link #wideThreads()} leaves another core: products
     * and vector operations are then split across {@link HelperThread}.
     */
    static boolean oneKernelThreadOfSeveral() {
        return kernelThreads == 1 && wideThreads >= 2;
    }

    private static void requirePositive(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("Threads: a thread count must be positive, got " + threads);
        }
    }
}
