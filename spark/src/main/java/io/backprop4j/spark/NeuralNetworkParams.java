package io.backprop4j.spark;

import io.backprop4j.optim.OptimizerName;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;

/**
 * The Spark ML parameters of the {@link NeuralNetworkEstimator}s, with Keras's defaults: the columns, the network,
 * and how it is trained. Spark ML finds a stage's parameters through its public methods that return a
 * {@code Param}; the setters are the estimator's.
 *
 * @param <M> the fitted model
 */
public abstract class NeuralNetworkParams<M extends NeuralNetworkModel<M>> extends Estimator<M> {

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> validationIndicatorCol;
    private final IntArrayParam hiddenLayers;
    private final Param<String> modelFile;
    private final Param<String> optimizer;
    private final DoubleParam learningRate;
    private final Param<String> schedule;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final LongParam seed;
    private final Param<String> trainingMode;
    private final IntParam averagingPeriod;
    private final Param<String> allReduce;
    private final Param<String> checkpointPath;

    protected NeuralNetworkParams(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(uid, "featuresCol", "features column: vectors or arrays of numbers");
        labelCol = new Param<>(uid, "labelCol", "label column: class indices 0, 1, … or regression targets");
        predictionCol = new Param<>(uid, "predictionCol", "prediction column the model adds");
        validationIndicatorCol = new Param<>(uid, "validationIndicatorCol",
                "boolean column: true marks a validation row, held out of training and evaluated after each epoch");
        hiddenLayers = new IntArrayParam(this, "hiddenLayers", "widths of the default network's hidden ReLU layers");
        modelFile = new Param<>(uid, "modelFile", "a saved model file to start from, instead of a new network");
        optimizer = new Param<>(uid, "optimizer", "optimizer: " + OptimizerName.ids());
        learningRate = new DoubleParam(uid, "learningRate", "learning rate (default: the optimizer's)");
        schedule = new Param<>(uid, "schedule", "learning-rate schedule by epoch: constant, step or cosine");
        epochs = new IntParam(uid, "epochs", "passes over the data (> 0)");
        batchSize = new IntParam(uid, "batchSize", "global batch size B (> 0), split across the partitions");
        seed = new LongParam(uid, "seed", "seed of the network's initial weights and the shuffling");
        trainingMode = new Param<>(uid, "trainingMode", "synchronous (all-reduced gradients) or averaging");
        averagingPeriod = new IntParam(uid, "averagingPeriod", "local steps k between averagings (> 0)");
        allReduce = new Param<>(uid, "allReduce", "how gradients are summed: tree or sharded");
        checkpointPath = new Param<>(uid, "checkpointPath", "a checkpoint written after every epoch and resumed");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(hiddenLayers, new int[] {64});
        setDefault(optimizer, "adam");
        setDefault(schedule, "constant");
        setDefault(epochs, 10);
        setDefault(batchSize, 32);
        setDefault(seed, 1L);
        setDefault(trainingMode, "synchronous");
        setDefault(averagingPeriod, 5);
        setDefault(allReduce, "tree");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> validationIndicatorCol() {
        return validationIndicatorCol;
    }

    public IntArrayParam hiddenLayers() {
        return hiddenLayers;
    }

    public Param<String> modelFile() {
        return modelFile;
    }

    public Param<String> optimizer() {
        return optimizer;
    }

    public DoubleParam learningRate() {
        return learningRate;
    }

    public Param<String> schedule() {
        return schedule;
    }

    public IntParam epochs() {
        return epochs;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public LongParam seed() {
        return seed;
    }

    public Param<String> trainingMode() {
        return trainingMode;
    }

    public IntParam averagingPeriod() {
        return averagingPeriod;
    }

    public Param<String> allReduce() {
        return allReduce;
    }

    public Param<String> checkpointPath() {
        return checkpointPath;
    }
}
