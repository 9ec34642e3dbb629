package io.backprop4j.spark;

import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable;

/**
 * A Spark ML estimator that trains a neural network classifier on a {@code Dataset<Row>}: features from a vector
 * or array column, class indices 0, 1, … in the label column (as {@code StringIndexer} makes them), softmax
 * cross-entropy on the network's logits. Its {@link NeuralNetworkClassificationModel} adds the prediction and
 * probability columns.
 *
 * <pre>{@code
 * NeuralNetworkClassifier classifier = new NeuralNetworkClassifier();
 * classifier.setHiddenLayers(256, 128).setEpochs(10).setBatchSize(128);
 * NeuralNetworkClassificationModel model = classifier.fit(train);
 * }</pre>
 */
public final class NeuralNetworkClassifier extends NeuralNetworkEstimator<NeuralNetworkClassificationModel> {

    private final Param<String> probabilityCol;

    public NeuralNetworkClassifier() {
        this(Identifiable.randomUID("neuralNetworkClassifier"));
    }

    public NeuralNetworkClassifier(String uid) {
        super(uid, SoftmaxCrossEntropy::new);
        probabilityCol = new Param<>(uid, "probabilityCol", "probability vector column the model adds");
        setDefault(probabilityCol, "probability");
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public NeuralNetworkClassifier setProbabilityCol(String column) {
        set(probabilityCol, column);
        return this;
    }

    @Override
    protected String probabilityColumn() {
        return getOrDefault(probabilityCol);
    }

    @Override
    protected int outputs(DataSummary summary) {
        return summary.classes();
    }

    @Override
    protected boolean classes() {
        return true;
    }

    @Override
    protected NeuralNetworkClassificationModel model(Sequential trained, int outputs) {
        return new NeuralNetworkClassificationModel(uid(), NeuralNetworkModel.file(trained, outputs), outputs);
    }
}
