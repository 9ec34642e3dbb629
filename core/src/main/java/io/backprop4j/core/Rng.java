package io.backprop4j.core;

import java.util.Random;

/**
 * The source of randomness for initialization, shuffling and dropout: one seed fixes them all.
 * {@link #global()} plays the role of {@code torch.manual_seed}: layers constructed without an
 * explicit generator draw from it in construction order, so {@code Rng.seed(42)} before building a
 * model makes its initial weights reproducible.
 */
public final class Rng {

    private static Rng global = new Rng(0);

    private final Random random;

    public Rng(long seed) {
        this.random = new Random(seed);
    }

    /** Reseeds the process-wide generator. */
    public static synchronized void seed(long seed) {
        global = new Rng(seed);
    }

    /** The process-wide generator used where no explicit one is given. */
    public static synchronized Rng global() {
        return global;
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    public double nextGaussian() {
        return random.nextGaussian();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniformly random permutation of {@code 0 … n−1} (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
