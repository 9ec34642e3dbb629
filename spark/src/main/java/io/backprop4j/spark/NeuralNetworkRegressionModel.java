package io.backprop4j.spark;

import java.util.Map;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link NeuralNetworkRegressor}: {@code transform} adds the network's output as the prediction column;
 * {@code NeuralNetworkRegressionModel.load(path)} reads a saved one.
 */
public final class NeuralNetworkRegressionModel extends NeuralNetworkModel<NeuralNetworkRegressionModel> {

    public NeuralNetworkRegressionModel(String uid, Map<String, byte[]> file, int outputs) {
        super(uid, file, outputs);
    }

    @Override
    public NeuralNetworkRegressionModel copy(ParamMap extra) {
        NeuralNetworkRegressionModel copy = new NeuralNetworkRegressionModel(uid(), file(), outputs());
        copy.setHistory(history());
        return copyValues(copy, extra).setParent(parent());
    }

    public static MLReader<NeuralNetworkRegressionModel> read() {
        return new NeuralNetworkModelReader<>(NeuralNetworkRegressionModel.class, NeuralNetworkRegressionModel::new);
    }

    public static NeuralNetworkRegressionModel load(String path) {
        return read().load(path);
    }
}
