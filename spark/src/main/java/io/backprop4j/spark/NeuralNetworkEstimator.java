package io.backprop4j.spark;

import io.backprop4j.layers.Sequential;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.callbacks.Callback;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * What the {@link NeuralNetworkClassifier} and {@link NeuralNetworkRegressor} share: the setters of the
 * {@link NeuralNetworkParams}, and a {@code fit} that reads the data where it lies (one cached block per
 * partition, the rows the validation indicator marks held out), builds the network on the driver and trains it
 * with {@link DistributedTraining}, calling the library's {@link Callback}s on the driver.
 *
 * @param <M> the fitted model
 */
public abstract class NeuralNetworkEstimator<M extends NeuralNetworkModel<M>> extends NeuralNetworkParams<M> {

    private NetworkFactory network;
    private LossFactory loss;
    private List<Callback> callbacks = List.of();

    protected NeuralNetworkEstimator(String uid, LossFactory loss) {
        super(uid);
        this.loss = loss;
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

    /**
     * Calls {@code callbacks} on the driver, in this order, as the single-machine {@code Trainer} does (early
     * stopping on {@code val_loss} with {@link #setValidationIndicatorCol}, checkpoints, one's own).
     */
    public NeuralNetworkEstimator<M> setCallbacks(Callback... callbacks) {
        this.callbacks = List.of(callbacks);
        return this;
    }

    public NeuralNetworkEstimator<M> setFeaturesCol(String column) {
        return with(featuresCol(), column);
    }

    public NeuralNetworkEstimator<M> setLabelCol(String column) {
        return with(labelCol(), column);
    }

    public NeuralNetworkEstimator<M> setPredictionCol(String column) {
        return with(predictionCol(), column);
    }

    public NeuralNetworkEstimator<M> setValidationIndicatorCol(String column) {
        return with(validationIndicatorCol(), column);
    }

    public NeuralNetworkEstimator<M> setHiddenLayers(int... widths) {
        return with(hiddenLayers(), widths);
    }

    public NeuralNetworkEstimator<M> setModelFile(String path) {
        return with(modelFile(), path);
    }

    public NeuralNetworkEstimator<M> setOptimizer(String name) {
        OptimizerName.of(name);
        return with(optimizer(), name);
    }

    public NeuralNetworkEstimator<M> setLearningRate(double rate) {
        return with(learningRate(), rate);
    }

    public NeuralNetworkEstimator<M> setSchedule(String name) {
        return with(schedule(), name);
    }

    public NeuralNetworkEstimator<M> setEpochs(int count) {
        return with(epochs(), positive("epochs", count));
    }

    public NeuralNetworkEstimator<M> setBatchSize(int size) {
        return with(batchSize(), positive("batchSize", size));
    }

    public NeuralNetworkEstimator<M> setSeed(long value) {
        return with(seed(), value);
    }

    public NeuralNetworkEstimator<M> setTrainingMode(String mode) {
        TrainingMode.of(mode);
        return with(trainingMode(), mode);
    }

    public NeuralNetworkEstimator<M> setAveragingPeriod(int steps) {
        return with(averagingPeriod(), positive("averagingPeriod", steps));
    }

    public NeuralNetworkEstimator<M> setAllReduce(String name) {
        AllReduce.of(name);
        return with(allReduce(), name);
    }

    public NeuralNetworkEstimator<M> setCheckpointPath(String path) {
        return with(checkpointPath(), path);
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
        TrainingSets sets = TrainingSets.of(data, getOrDefault(featuresCol()), getOrDefault(labelCol()),
                isDefined(validationIndicatorCol()) ? getOrDefault(validationIndicatorCol()) : null);
        try {
            DataSummary all = sets.summary();
            int outputs = outputs(all);
            DistributedTraining training = new DistributedTraining(
                    JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()), sets,
                    network(all.inputs(), outputs), settings(), callbacks,
                    isDefined(checkpointPath()) ? Path.of(getOrDefault(checkpointPath())) : null);
            M model = model(training.run(), outputs);
            model.setHistory(training.history());
            return copyValues(model, ParamMap.empty()).setParent(this);
        } finally {
            sets.unpersist();
        }
    }

    private Settings settings() {
        String name = getOrDefault(optimizer());
        double rate = isDefined(learningRate()) ? (Double) getOrDefault(learningRate())
                : OptimizerName.of(name).defaultLearningRate();
        return new Settings(loss, classes(), name, rate, getOrDefault(schedule()), (Integer) getOrDefault(epochs()),
                (Integer) getOrDefault(batchSize()), (Long) getOrDefault(seed()),
                TrainingMode.of(getOrDefault(trainingMode())), (Integer) getOrDefault(averagingPeriod()),
                AllReduce.of(getOrDefault(allReduce())));
    }

    /** The network to train: the model file's, the factory's, or an MLP of hidden ReLU layers. */
    private Sequential network(int inputs, int outputs) {
        return InitialNetwork.of(isDefined(modelFile()) ? getOrDefault(modelFile()) : null, network,
                getOrDefault(hiddenLayers()), (Long) getOrDefault(seed()), inputs, outputs);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Features.requireColumn(schema, getOrDefault(featuresCol()));
        Features.requireLabel(schema, getOrDefault(labelCol()));
        if (isDefined(validationIndicatorCol())) {
            Features.requireIndicator(schema, getOrDefault(validationIndicatorCol()));
        }
        return NeuralNetworkModel.withPredictionColumns(schema, getOrDefault(predictionCol()), probabilityColumn());
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
        copy.callbacks = callbacks;
        return copy;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
