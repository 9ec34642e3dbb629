package io.backprop4j.examples;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 2-D toy problems of the TensorFlow playground, two classes each, points in about [−1, 1]²:
 * a disc inside a ring, the XOR quadrants, two Gaussian clouds, and two interleaved spirals. {@code noise}
 * jitters every point by a uniform offset of up to ±noise; one seed fixes the points.
 */
public enum ToyProblems {
    CIRCLE, XOR, GAUSSIANS, SPIRALS;

    /** {@code n} points, half of each class: features {@code [n, 2]}, one-hot labels {@code [n, 2]}, float32. */
    public DataSet generate(int n, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[][] x = new float[n][2];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double[] point = point(label, i / 2, n / 2, rng);
            x[i][0] = (float) (point[0] + noise * (2 * rng.nextDouble() - 1));
            x[i][1] = (float) (point[1] + noise * (2 * rng.nextDouble() - 1));
            y[i][label] = 1;
        }
        return new DataSet(Nd4j.create(x).castTo(DataType.FLOAT), Nd4j.create(y).castTo(DataType.FLOAT));
    }

    /** The k-th of {@code perClass} noiseless points of class {@code label}. */
    private double[] point(int label, int k, int perClass, Rng rng) {
        return switch (this) {
            case CIRCLE -> {
                double radius = label == 0 ? 0.5 * rng.nextDouble() : 0.7 + 0.3 * rng.nextDouble();
                double angle = 2 * Math.PI * rng.nextDouble();
                yield new double[] {radius * Math.sin(angle), radius * Math.cos(angle)};
            }
            case XOR -> {
                double a = 2 * rng.nextDouble() - 1;
                double b = 2 * rng.nextDouble() - 1;
                a += Math.signum(a) * 0.05;
                b += Math.signum(b) * 0.05;
                boolean sameSign = a * b > 0;
                yield sameSign == (label == 0) ? new double[] {a, b} : new double[] {a, -b};
            }
            case GAUSSIANS -> {
                double centre = label == 0 ? 0.5 : -0.5;
                yield new double[] {centre + 0.2 * rng.nextGaussian(), centre + 0.2 * rng.nextGaussian()};
            }
            case SPIRALS -> {
                double r = (double) k / perClass;
                double t = 1.75 * r * 2 * Math.PI + (label == 0 ? 0 : Math.PI);
                yield new double[] {r * Math.sin(t), r * Math.cos(t)};
            }
        };
    }
}
