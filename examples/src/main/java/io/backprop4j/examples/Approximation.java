package io.backprop4j.examples;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.losses.MeanSquaredError;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.callbacks.FullBatch;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Universal approximation: one hidden layer of sigmoids, ŷ(x) = Σ_j v_j σ(w_j x + b_j) + c, fitted to a
 * 1-D function on [0, 1] by full-batch Adam; the mean squared error falls as hidden units are added.
 */
public final class Approximation {

    /** sin(2πx): one full period on [0, 1]. */
    public static final DoubleUnaryOperator SINE = x -> Math.sin(2 * Math.PI * x);
    /**
     * The bump built from two steps: 1 on [0.4, 0.6], else 0. A hidden pair σ(w(x − 0.4)) − σ(w(x − 0.6))
     * with large w makes it: each step sits at s = −b/w.
     */
    public static final DoubleUnaryOperator BUMP = x -> x >= 0.4 && x <= 0.6 ? 1 : 0;

    private Approximation() {
    }

    /** The data: {@code points} evenly spaced x ∈ [0, 1] and f(x), float64. */
    public static DataSet samples(DoubleUnaryOperator f, int points) {
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = (double) i / (points - 1);
            y[i] = f.applyAsDouble(x[i]);
        }
        return new DataSet(Nd4j.create(x, new long[] {points, 1}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {points, 1}, DataType.DOUBLE));
    }

    /**
     * The best final error over {@code restarts} initializations (seeds 1 … restarts): the error a width can
     * reach, less the luck of one start.
     */
    public static double bestFit(DoubleUnaryOperator f, int hidden, int epochs, int restarts) {
        double best = Double.POSITIVE_INFINITY;
        for (long seed = 1; seed <= restarts; seed++) {
            best = Math.min(best, fit(f, hidden, epochs, seed));
        }
        return best;
    }

    /** Fits f with {@code hidden} sigmoid units and returns the final mean squared error on the samples. */
    public static double fit(DoubleUnaryOperator f, int hidden, int epochs, long seed) {
        DataSet data = samples(f, 100);
        Sequential model = Sequential.of(new Dense(1, hidden, WeightInit.XAVIER_NORMAL, DataType.DOUBLE),
                new Sigmoid(), new Dense(hidden, 1, WeightInit.XAVIER_NORMAL, DataType.DOUBLE)).initialize(seed);
        model.parameters().get(0).value().muli(10); // steep sigmoids from the start: steps need large w
        Trainer trainer = new Trainer(model, new MeanSquaredError(), Optimizers.adam(0.05));
        trainer.fit(data, Fit.epochs(epochs).batchSize(data.size()).seed(seed));
        return FullBatch.meanLoss(model, new MeanSquaredError(), data, data.size());
    }
}
