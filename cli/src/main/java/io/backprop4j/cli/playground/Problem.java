package io.backprop4j.cli.playground;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.examples.ToyProblems;
import java.util.Arrays;
import java.util.List;

/**
 * The playground's data sets: the four classification sets of {@link Playground} (labels 0 and 1), and two
 * regression sets on [−1, 1]² with targets in [−1, 1]: a plane, t = (x₁ + x₂)/2, and six signed Gaussian bumps,
 * t = Σₖ sₖ·exp(−‖x − cₖ‖²/(2·0.2²)) clipped to [−1, 1]. Noise jitters each point by up to ±noise.
 */
enum Problem {
    CIRCLE("circle", ToyProblems.CIRCLE),
    XOR("xor", ToyProblems.XOR),
    GAUSSIANS("gaussians", ToyProblems.GAUSSIANS),
    SPIRALS("spirals", ToyProblems.SPIRALS),
    PLANE("plane", null),
    MULTI_GAUSSIAN("multi-gaussian", null);

    /** The bumps of {@link #MULTI_GAUSSIAN}: centre (x₁, x₂) and sign. */
    private static final double[][] BUMPS = {
        {-0.67, 0.42, 1}, {0, 0.42, -1}, {0.67, 0.42, 1}, {-0.67, -0.42, -1}, {0, -0.42, 1}, {0.67, -0.42, -1}};

    private final String id;
    private final ToyProblems classes;

    Problem(String id, ToyProblems classes) {
        this.id = id;
        this.classes = classes;
    }

    String id() {
        return id;
    }

    boolean regression() {
        return classes == null;
    }

    /** {@code n} points as rows (x₁, x₂, target). */
    double[][] points(int n, double noise, long seed) {
        double[][] points = new double[n][3];
        if (classes != null) {
            DataSet data = classes.generate(n, noise, seed);
            for (int i = 0; i < n; i++) {
                points[i][0] = data.features().getDouble(i, 0);
                points[i][1] = data.features().getDouble(i, 1);
                points[i][2] = data.labels().getDouble(i, 1);
            }
            return points;
        }
        Rng rng = new Rng(seed);
        for (int i = 0; i < n; i++) {
            double x1 = 2 * rng.nextDouble() - 1;
            double x2 = 2 * rng.nextDouble() - 1;
            points[i][2] = target(x1, x2);
            points[i][0] = x1 + noise * (2 * rng.nextDouble() - 1);
            points[i][1] = x2 + noise * (2 * rng.nextDouble() - 1);
        }
        return points;
    }

    private double target(double x1, double x2) {
        if (this == PLANE) {
            return (x1 + x2) / 2;
        }
        double t = 0;
        for (double[] bump : BUMPS) {
            double d2 = (x1 - bump[0]) * (x1 - bump[0]) + (x2 - bump[1]) * (x2 - bump[1]);
            t += bump[2] * Math.exp(-d2 / (2 * 0.2 * 0.2));
        }
        return Math.max(-1, Math.min(1, t));
    }

    static Problem of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElseThrow(() ->
                new BadRequest("dataset: unknown data set '" + id + "'; expected one of " + ids()));
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Problem::id).toList();
    }
}
