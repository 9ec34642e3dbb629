package io.backprop4j.core.kernels;

import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The native threads. ND4J runs its own kernels (element-wise operations, reductions, row gathers) and
 * oneDNN's ({@link Gemm}, convolutions) on OpenMP threads, and OpenBLAS ({@link Level1}, ND4J's own matrix
 * products) on its own threads. On a machine with few cores the pools spin-wait against each other: here, on
 * 2 cores, the Fashion-MNIST MLP trained at 6–15k samples/s with ND4J's defaults and at 13–25k with ND4J's
 * kernels on one thread. With every pool on one thread, two OpenMP threads for the MLP's matrix products
 * did not pay (docs/performance.md, kernel figures).
 *
 * <p>Operations that take milliseconds do pay for more threads (the PyTorch-example CNN's convolutions and its
 * training step). {@link #runWide} runs such an operation on {@link #wideThreads()} OpenMP threads and then
 * returns OpenMP to the kernel thread count.
 *
 * <p>With the kernels on one thread, the other cores are not left idle: {@link HelperThread} computes half of
 * each medium matrix product, long vector operation and long element-wise kernel ({@link TwoCores}), without
 * OpenMP's spinning workers; {@code setWideThreads(1)} turns that off. OpenMP's thread count belongs to the
 * thread that sets it; ND4J's and OpenBLAS's counts are process-wide.
 *
 * <p><b>Defaults.</b> No call is needed: the first model that runs on a thread ({@link #configureThisThread},
 * called by {@code Sequential.forward} and {@link Gemm}) applies the default count to that thread, once. The
 * default is 1 (the tuned setting above), or the system property {@value #PROPERTY}, or else the environment
 * variable {@value #ENVIRONMENT}; 0 there keeps the native libraries' own defaults. {@link #setKernelThreads}
 * overrides it for every thread from then on.
 */
public final class Threads {

    /** The system property that sets the default kernel thread count. */
    public static final String PROPERTY = "backprop4j.kernelThreads";
    /** The environment variable that sets it when the property is absent. */
    public static final String ENVIRONMENT = "BACKPROP4J_KERNEL_THREADS";

    private static volatile int kernelThreads = defaultKernelThreads();
    private static volatile int wideThreads = Runtime.getRuntime().availableProcessors();
    /** The count last applied to each thread's OpenMP, 0 for none yet. */
    private static final ThreadLocal<int[]> APPLIED = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile boolean processWideApplied;

    private Threads() {
    }

    /**
     * Runs ND4J's kernels and oneDNN's on at most {@code threads} OpenMP threads, on this thread now and on every
     * other thread at its next {@link #configureThisThread}. OpenBLAS gets as many where it multiplies matrices
     * (no oneDNN), else one: it then only runs {@link Level1}'s memory-bound vector operations, which lost
     * against a second thread pool spinning beside OpenMP's.
     *
     * <p>0 leaves every pool at its library's own default from now on: threads that have not yet run a model
     * keep OpenMP's count, and no operation is split across {@link HelperThread}. It does not undo a count
     * already applied, so set it before the first model runs.
     */
    public static void setKernelThreads(int threads) {
        if (threads < 0 || threads > maxKernelThreads()) {
            throw new IllegalArgumentException("Threads: a kernel thread count must lie in 0 (the native libraries'"
                    + " defaults) … " + maxKernelThreads() + " (4 per core), got " + threads);
        }
        kernelThreads = threads;
        if (threads > 0) {
            applyProcessWide(threads);
            applyToThisThread(threads);
        }
    }

    /**
     * The most kernel threads allowed: 4 per core. Far more (10,000 here) crash the JVM inside the OpenMP runtime,
     * and more threads than cores only make them wait for each other.
     */
    public static int maxKernelThreads() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /** The kernel thread count in force, the default or the last {@link #setKernelThreads}; 0: the libraries' own. */
    public static int kernelThreads() {
        return kernelThreads;
    }

    /**
     * Applies the kernel thread count to the calling thread's OpenMP the first time a model runs on it (and the
     * process-wide counts the first time on any thread); afterwards one thread-local read.
     */
    public static void configureThisThread() {
        int threads = kernelThreads;
        if (threads == 0 || APPLIED.get()[0] == threads) {
            return;
        }
        if (!processWideApplied) {
            applyProcessWide(threads);
        }
        applyToThisThread(threads);
    }

    private static synchronized void applyProcessWide(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(OneDnn.available() ? 1 : threads);
        processWideApplied = true;
    }

    private static void applyToThisThread(int threads) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        APPLIED.get()[0] = threads;
    }

    /** {@value #PROPERTY}, else {@value #ENVIRONMENT}, else 1. */
    static int defaultKernelThreads() {
        String property = System.getProperty(PROPERTY);
        String setting = property != null ? property : System.getenv(ENVIRONMENT);
        if (setting == null || setting.isBlank()) {
            return 1;
        }
        String source = property != null ? "system property " + PROPERTY : "environment variable " + ENVIRONMENT;
        int threads = parseCount(setting.strip());
        if (threads < 0 || threads > maxKernelThreads()) {
            throw new IllegalArgumentException("Threads: the " + source + " must be a thread count from 0 to "
                    + maxKernelThreads() + " (0 keeps the native libraries' defaults), got '" + setting + "'");
        }
        return threads;
    }

    /** The count written in {@code text}, or -1 when it is no integer. */
    private static int parseCount(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
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
     * OpenMP threads when this thread's kernels are limited to fewer, restoring the limit afterwards;
     * without a limit OpenMP keeps its own count. Returns the operation's result.
     */
    public static <T> T runWide(Supplier<T> operation) {
        int limit = APPLIED.get()[0];
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
