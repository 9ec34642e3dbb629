package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Model;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Regression quality over all n·d predicted values y' against targets y: mean squared error
 * MSE = Σ (y' − y)² / (n·d), mean absolute error MAE = Σ |y' − y| / (n·d), and the coefficient of
 * determination R² = 1 − Σ (y' − y)² / Σ (y − ȳ)², ȳ the mean target of each output column (scikit-learn's
 * {@code r2_score} over flattened outputs of equal weight).
 */
public record RegressionMetrics(double meanSquaredError, double meanAbsoluteError, double r2, long count) {

    /** {@code model} in inference mode ({@link Model#predict}) on {@code data}'s regression targets. */
    public static RegressionMetrics of(Layer model, DataSet data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("RegressionMetrics: the data set is empty; it needs at least one example");
        }
        INDArray targets = data.labels().reshape(data.size(), -1);
        INDArray columnMeans = targets.mean(0);
        double squares = 0;
        double absolutes = 0;
        double variation = 0;
        for (DataSet batch : Batches.inOrder(data, Evaluation.BATCH_SIZE)) {
            INDArray prediction = Model.of(model).predict(batch.features());
            INDArray target = batch.labels().reshape(batch.size(), -1).castTo(prediction.dataType());
            if (!Arrays.equals(prediction.shape(), target.shape())) {
                throw new IllegalArgumentException("RegressionMetrics: the model predicts "
                        + Arrays.toString(prediction.shape()) + " but the targets are " + Arrays.toString(target.shape()));
            }
            INDArray error = prediction.sub(target);
            squares += squaredNorm(error);
            absolutes += error.norm1Number().doubleValue();
            variation += squaredNorm(target.subRowVector(columnMeans.castTo(target.dataType())));
        }
        long count = targets.length();
        return new RegressionMetrics(squares / count, absolutes / count, variation == 0 ? Double.NaN
                : 1 - squares / variation, count);
    }

    private static double squaredNorm(INDArray x) {
        double norm = x.norm2Number().doubleValue();
        return norm * norm;
    }
}
