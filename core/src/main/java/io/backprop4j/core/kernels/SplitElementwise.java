package io.backprop4j.core.kernels;

import org.bytedeco.javacpp.FloatPointer;

/**
 * oneDNN's element-wise kernels ({@link OneDnnVectors}: ReLU, its gradient, eˣ, the momentum updates) on long
 * float32 vectors, computed on two cores: the calling thread takes elements {@code [0, h)} and
 * {@link HelperThread} elements {@code [h, n)}, each with its own thread's primitive. The results are the same
 * as one call's, element by element.
 *
 * <p>On the MLP's [128, 256] activations the ReLU and its gradient, and the optimizer's updates, were the
 * largest one-thread phases of a step left between the split products (docs/performance.md).
 */
final class SplitElementwise extends HelperThread.Job {

    /** Vectors of at least 2¹⁴ elements, long enough to pay for the hand-over, are split. */
    static final int SPLIT_LENGTH = 1 << 14;

    private static final ThreadLocal<SplitElementwise> SECOND_HALF = ThreadLocal.withInitial(SplitElementwise::new);

    private OneDnnVectors.Kind kind;
    private long n;
    private boolean threeArguments;
    private float mu;
    private float eta;
    private final FloatAddress first = new FloatAddress();
    private final FloatAddress second = new FloatAddress();
    private final FloatAddress third = new FloatAddress();

    private SplitElementwise() {
    }

    /** Whether a vector of {@code n} elements is split: long enough, and the kernels limited to one thread. */
    static boolean splits(long n) {
        return n >= SPLIT_LENGTH && Threads.oneKernelThreadOfSeveral();
    }

    /**
     * Runs {@code kind} on n elements of each argument, in its argument order, with its scalars μ and η;
     * {@code c} is null for two arguments.
     */
    static void run(OneDnnVectors.Kind kind, long n, FloatPointer a, FloatPointer b, FloatPointer c, float mu,
            float eta) {
        long h = n / 2;
        SplitElementwise job = SECOND_HALF.get();
        job.kind = kind;
        job.n = n - h;
        job.threeArguments = c != null;
        job.mu = mu;
        job.eta = eta;
        job.first.at(a, h);
        job.second.at(b, h);
        if (c != null) {
            job.third.at(c, h);
        }
        HelperThread.offer(job);
        OneDnnVectors.run(kind, h, a, b, c, mu, eta);
        job.join();
    }

    @Override
    protected void compute() {
        OneDnnVectors.run(kind, n, first, second, threeArguments ? third : null, mu, eta);
    }
}
