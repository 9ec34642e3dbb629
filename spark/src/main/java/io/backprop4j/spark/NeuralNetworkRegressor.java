package io.backprop4j.spark;

import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.MeanSquaredError;
import org.apache.spark.ml.util.Identifiable;

/**
 * A Spark ML estimator that trains a neural network regressor on a {@code Dataset<Row>}: features from a vector
 * or array column, one number per row in the label column, mean squared error on the network's single output.
 * Its {@link NeuralNetworkRegressionModel} adds the prediction column.
 */
public final class NeuralNetworkRegressor extends NeuralNetworkEstimator<NeuralNetworkRegressionModel> {

    public NeuralNetworkRegressor() {
        this(Identifiable.randomUID("neuralNetworkRegressor"));
    }

    public NeuralNetworkRegressor(String uid) {
        super(uid, MeanSquaredError::new);
    }

    @Override
    protected int outputs(DataSummary summary) {
        return 1;
    }

    @Override
    protected boolean classes() {
        return false;
    }

    @Override
    protected NeuralNetworkRegressionModel model(Sequential trained, int outputs) {
        return new NeuralNetworkRegressionModel(uid(), NeuralNetworkModel.file(trained, outputs), outputs);
    }
}
