package io.backprop4j.spark;

import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link NeuralNetworkClassifier}: {@code transform} adds the predicted class index (a double, as Spark's
 * classifiers give it) and the class probabilities (a vector); {@code NeuralNetworkClassificationModel.load(path)}
 * reads a saved one.
 */
public final class NeuralNetworkClassificationModel extends NeuralNetworkModel<NeuralNetworkClassificationModel> {

    private final Param<String> probabilityCol;

    public NeuralNetworkClassificationModel(String uid, Map<String, byte[]> file, int classes) {
        super(uid, file, classes);
        probabilityCol = new Param<>(uid, "probabilityCol", "probability vector column this model adds");
        setDefault(probabilityCol, "probability");
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public NeuralNetworkClassificationModel setProbabilityCol(String column) {
        set(probabilityCol, column);
        return this;
    }

    @Override
    protected String probabilityColumn() {
        return getOrDefault(probabilityCol);
    }

    @Override
    public NeuralNetworkClassificationModel copy(ParamMap extra) {
        NeuralNetworkClassificationModel copy = new NeuralNetworkClassificationModel(uid(), file(), outputs());
        copy.setHistory(history());
        return copyValues(copy, extra).setParent(parent());
    }

    public static MLReader<NeuralNetworkClassificationModel> read() {
        return new NeuralNetworkModelReader<>(NeuralNetworkClassificationModel.class,
                NeuralNetworkClassificationModel::new);
    }

    public static NeuralNetworkClassificationModel load(String path) {
        return read().load(path);
    }
}
