package io.backprop4j.core;

/**
 * The source of randomness for initialization, shuffling and dropout: one seed fixes them all.
 * {@link #global()} plays the role of {@code torch.manual_seed}: layers constructed without an
 * explicit generator draw from it in construction order, so {@code Rng.seed(42)} before building a
 * model makes its initial weights reproducible.
 *
 * <p>The generator is the 48-bit linear congruential generator specified by {@link java.util.Random}
 * ({@code s ← (s·0x5DEECE66D + 0xB) mod 2⁴⁸}), with the same seeding, {@code nextInt}, {@code nextDouble}
 * and polar-method {@code nextGaussian}: {@code new Rng(seed)} draws exactly the numbers
 * {@code new Random(seed)} draws. Unlike {@code Random} its whole state is readable and restorable
 * ({@link #state()}, {@link #restore}), so a training checkpoint can resume the same sequence.
 */
public final class Rng {

    /** Everything that determines the rest of the sequence: the LCG state and a pending Gaussian. */
    public record State(long seed, boolean hasSpareGaussian, double spareGaussian) {
    }

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long INCREMENT = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private static Rng global = new Rng(0);

    private long seed;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    public Rng(long seed) {
        this.seed = (seed ^ MULTIPLIER) & MASK;
    }

    /** Reseeds the process-wide generator. */
    public static synchronized void seed(long seed) {
        global = new Rng(seed);
    }

    /** The process-wide generator used where no explicit one is given. */
    public static synchronized Rng global() {
        return global;
    }

    public State state() {
        return new State(seed, hasSpareGaussian, spareGaussian);
    }

    /** Continues from a state taken by {@link #state()}: the same numbers follow. */
    public void restore(State state) {
        if (state.seed() < 0 || state.seed() > MASK) {
            throw new IllegalArgumentException("Rng: a state is a 48-bit number, got " + state.seed());
        }
        this.seed = state.seed();
        this.hasSpareGaussian = state.hasSpareGaussian();
        this.spareGaussian = state.spareGaussian();
    }

    /** The top {@code bits} bits of the next LCG state. */
    private int next(int bits) {
        seed = (seed * MULTIPLIER + INCREMENT) & MASK;
        return (int) (seed >>> (48 - bits));
    }

    /** A uniform 64-bit value, as {@code java.util.Random.nextLong()}: two 32-bit draws. */
    public long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * 0x1.0p-53;
    }

    /** Uniform on {0, …, bound − 1}, without modulo bias (rejects the incomplete last block). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("Rng.nextInt: bound must be positive, got " + bound);
        }
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        int u = r;
        while (u - (r = u % bound) + m < 0) {
            u = next(31);
        }
        return r;
    }

    /** Standard normal by Marsaglia's polar method, which yields two values per accepted pair. */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v2 * multiplier;
        hasSpareGaussian = true;
        return v1 * multiplier;
    }

    /** A uniformly random permutation of {@code 0 … n−1} (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
