package io.backprop4j.optim.metrics;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The regression figures over every target value seen: mean squared error {@code Σ(ŷ − y)²/n}, mean absolute
 * error {@code Σ|ŷ − y|/n}, and R² {@code 1 − Σ(ŷ − y)² / Σ(y − ȳ)²} (scikit-learn's {@code r2_score}, the targets
 * flattened).
 */
final class RegressionMetric implements Metric {

    /** Which figure. */
    enum Kind { MSE, MAE, R2 }

    private final Kind kind;
    private double squares;
    private double absolutes;
    private double sum;
    private double sumOfSquares;
    private long count;

    RegressionMetric(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void update(INDArray output, INDArray labels) {
        double[] predicted = output.reshape(output.length()).toDoubleVector();
        double[] actual = labels.reshape(labels.length()).toDoubleVector();
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("metrics: " + name() + " needs one output per target, got "
                    + predicted.length + " outputs for " + actual.length + " targets");
        }
        for (int i = 0; i < actual.length; i++) {
            double error = predicted[i] - actual[i];
            squares += error * error;
            absolutes += Math.abs(error);
            sum += actual[i];
            sumOfSquares += actual[i] * actual[i];
        }
        count += actual.length;
    }

    @Override
    public double result() {
        if (count == 0) {
            return Double.NaN;
        }
        return switch (kind) {
            case MSE -> squares / count;
            case MAE -> absolutes / count;
            case R2 -> 1 - squares / (sumOfSquares - sum * sum / count);
        };
    }

    @Override
    public void reset() {
        squares = 0;
        absolutes = 0;
        sum = 0;
        sumOfSquares = 0;
        count = 0;
    }
}
