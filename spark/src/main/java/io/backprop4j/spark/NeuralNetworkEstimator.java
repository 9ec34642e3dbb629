package io.backprop4j.spark;

import io.backprop4j.layers.Sequential;
import io.backprop4j.optim.OptimizerName;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * What the {@link NeuralNetworkClassifier} and {@link NeuralNetworkRegressor} share: Spark ML parameters with
 * Keras's defaults, and a {@code fit} that reads the data where it lies (one cached block per partition), builds
 * the network on the driver and trains it with {@link DistributedTraining}.
 *
 * @param <M> the fitted model
 */
public abstract class NeuralNetworkEstimator<M extends NeuralNetworkModel<M>> extends Estimator<M> {

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
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
    private NetworkFactory network;
    private LossFactory loss;

    protected NeuralNetworkEstimator(String uid, LossFactory loss) {
        this.uid = uid;
        this.loss = loss;
        featuresCol = new Param<>(uid, "featuresCol", "features column: vectors or arrays of numbers");
        labelCol = new Param<>(uid, "labelCol", "label column: class indices 0, 1, … or regression targets");
        predictionCol = new Param<>(uid, "predictionCol", "prediction column the model adds");
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

    // Spark ML finds a stage's parameters through its public methods that return a Param.

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
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

    /** This estimator after setting {@code param}. */
    protected <T> NeuralNetworkEstimator<M> with(Param<T> param, T value) {
        set(param, value);
        return this;
    }

    /** Trains the network {@code network} builds, instead of the default MLP or a model file. */
    public NeuralNetworkEstimator<M> setNetwork(NetworkFactory network) {
        this.network = network;
        return this;
    }

    /** Trains with the loss {@code loss} makes (default: cross-entropy for classes, mean squared error). */
    public NeuralNetworkEstimator<M> setLoss(LossFactory loss) {
        this.loss = loss;
        return this;
    }

    public NeuralNetworkEstimator<M> setFeaturesCol(String column) {
        return with(featuresCol, column);
    }

    public NeuralNetworkEstimator<M> setLabelCol(String column) {
        return with(labelCol, column);
    }

    public NeuralNetworkEstimator<M> setPredictionCol(String column) {
        return with(predictionCol, column);
    }

    public NeuralNetworkEstimator<M> setHiddenLayers(int... widths) {
        return with(hiddenLayers, widths);
    }

    public NeuralNetworkEstimator<M> setModelFile(String path) {
        return with(modelFile, path);
    }

    public NeuralNetworkEstimator<M> setOptimizer(String name) {
        OptimizerName.of(name);
        return with(optimizer, name);
    }

    public NeuralNetworkEstimator<M> setLearningRate(double rate) {
        return with(learningRate, rate);
    }

    public NeuralNetworkEstimator<M> setSchedule(String name) {
        return with(schedule, name);
    }

    public NeuralNetworkEstimator<M> setEpochs(int count) {
        return with(epochs, positive("epochs", count));
    }

    public NeuralNetworkEstimator<M> setBatchSize(int size) {
        return with(batchSize, positive("batchSize", size));
    }

    public NeuralNetworkEstimator<M> setSeed(long value) {
        return with(seed, value);
    }

    public NeuralNetworkEstimator<M> setTrainingMode(String mode) {
        TrainingMode.of(mode);
        return with(trainingMode, mode);
    }

    public NeuralNetworkEstimator<M> setAveragingPeriod(int steps) {
        return with(averagingPeriod, positive("averagingPeriod", steps));
    }

    public NeuralNetworkEstimator<M> setAllReduce(String name) {
        AllReduce.of(name);
        return with(allReduce, name);
    }

    public NeuralNetworkEstimator<M> setCheckpointPath(String path) {
        return with(checkpointPath, path);
    }

    /** The number of network outputs for data summarized as {@code summary} (classes, or 1), checking the labels. */
    protected abstract int outputs(DataSummary summary);

    /** Whether the labels are class indices. */
    protected abstract boolean classes();

    /** The fitted model of {@code trained}, with {@code outputs} outputs. */
    protected abstract M model(Sequential trained, int outputs);

    @Override
    public M fit(Dataset<?> data) {
        transformSchema(data.schema(), true);
        String features = getOrDefault(featuresCol);
        JavaRDD<Block> blocks = Blocks.of(data, features, getOrDefault(labelCol));
        try {
            DataSummary summary = blocks.map(DataSummary::of).reduce(DataSummary::plus);
            int inputs = summary.inputs();
            int outputs = outputs(summary);
            DistributedTraining training = new DistributedTraining(
                    JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()), blocks,
                    (int) summary.rows(), network(inputs, outputs), settings(),
                    isDefined(checkpointPath) ? Path.of(getOrDefault(checkpointPath)) : null);
            M model = model(training.run(), outputs);
            model.setHistory(training.history());
            return copyValues(model, ParamMap.empty()).setParent(this);
        } finally {
            blocks.unpersist(false);
        }
    }

    private Settings settings() {
        String name = getOrDefault(optimizer);
        double rate = isDefined(learningRate) ? (Double) getOrDefault(learningRate)
                : OptimizerName.of(name).defaultLearningRate();
        return new Settings(loss, classes(), name, rate, getOrDefault(schedule), (Integer) getOrDefault(epochs),
                (Integer) getOrDefault(batchSize), (Long) getOrDefault(seed),
                TrainingMode.of(getOrDefault(trainingMode)), (Integer) getOrDefault(averagingPeriod),
                AllReduce.of(getOrDefault(allReduce)));
    }

    /** The network to train: the model file's, the factory's, or an MLP of {@link #hiddenLayers} ReLU layers. */
    private Sequential network(int inputs, int outputs) {
        return InitialNetwork.of(isDefined(modelFile) ? getOrDefault(modelFile) : null, network,
                getOrDefault(hiddenLayers), (Long) getOrDefault(seed), inputs, outputs);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Features.requireColumn(schema, getOrDefault(featuresCol));
        Features.requireLabel(schema, getOrDefault(labelCol));
        return NeuralNetworkModel.withPredictionColumns(schema, getOrDefault(predictionCol), probabilityColumn());
    }

    /** The probability column the model adds, or null. */
    protected String probabilityColumn() {
        return null;
    }

    @Override
    public NeuralNetworkEstimator<M> copy(ParamMap extra) {
        @SuppressWarnings("unchecked")
        NeuralNetworkEstimator<M> copy = (NeuralNetworkEstimator<M>) defaultCopy(extra);
        copy.network = network;
        copy.loss = loss;
        return copy;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
