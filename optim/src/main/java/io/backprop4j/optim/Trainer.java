package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.ResidentMemory;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.data.Batches;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.optim.TrainingResult.StopReason;
import io.backprop4j.optim.listeners.EpochEvent;
import io.backprop4j.optim.listeners.TrainingListener;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.schedules.ReduceOnPlateau;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mini-batch gradient descent: each epoch draws a fresh random permutation of the training set and walks
 * it in batches of {@code batchSize} (the last one may be smaller); each batch is forward → loss →
 * backward → optimizer step. Full-batch gradient descent is {@code batchSize = n}, one-example SGD is
 * {@code batchSize = 1}.
 *
 * <p>The loop is {@link #trainEpoch}; everything else is a {@link Callback} (or a plain {@link TrainingListener})
 * that sees each epoch and may stop training: early stopping ({@link EarlyStopping}, restoring the best weights
 * and BatchNorm statistics), the gradient-norm stop ({@link GradientNormStop}), checkpoints
 * ({@link EpochCheckpoints}), skipping non-finite batches ({@link SkipNonFiniteBatches}) and memory collection
 * ({@link MemoryCollection}, always on); the fluent setters below add them. Training stops at the epoch limit or
 * when a listener asks to. The learning rate follows the schedule before every batch. Non-finite losses,
 * gradients or weights stop training with a {@link TrainingDivergedException} unless a callback skips the batch.
 * One seed fixes the shuffling.
 */
public final class Trainer {


    private final Sequential model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<TrainingListener> listeners = new ArrayList<>(List.of(new MemoryCollection()));
    private LearningRateSchedule schedule;
    private DataSet validation;
    private int skippedBatches;
    private double lastFiniteLoss;

    /**
     * Trains {@code model}, any layer: a {@link Sequential} as it is, another layer (a {@code Residual} block, a
     * layer of one's own) inside a one-layer Sequential, whose parameters are then named {@code 0.NAME}.
     */
    public Trainer(Layer model, Loss loss, Optimizer optimizer) {
        this.model = Sequential.wrapping(model);
        this.loss = loss;
        this.optimizer = optimizer;
        this.schedule = LearningRateSchedule.constant(optimizer.learningRate());
    }

    /**
     * Sets the learning rate of each epoch, or of each step for a per-step schedule; the default keeps the
     * optimizer's. A schedule that watches the epochs ({@link ReduceOnPlateau}) is registered as a listener too.
     */
    public Trainer schedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
        if (schedule instanceof TrainingListener watcher) {
            listeners.add(watcher);
        }
        return this;
    }

    /** Stops when ‖∇J(w)‖ over the whole training set falls below θ, checked after every epoch. */
    public Trainer stopWhenGradientNormBelow(double theta) {
        requirePositive("θ", theta);
        return addListener(new GradientNormStop(theta));
    }

    /**
     * Measures the loss on {@code validation} after every epoch, and the accuracy when its labels are classes
     * (one-hot rows, or a data set that names its classes), in each {@link EpochEvent}: Keras's
     * {@code validation_data}.
     */
    public Trainer validateOn(DataSet validation) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("Trainer: the validation set is empty; it needs examples");
        }
        this.validation = validation;
        return this;
    }

    /** Stops when the loss on {@code validation} has not improved for {@code patience} epochs, keeping the best weights. */
    public Trainer earlyStopping(DataSet validation, int patience) {
        requirePositive("patience", patience);
        return validateOn(validation).addListener(new EarlyStopping(patience));
    }

    /**
     * After every epoch, writes a {@link Checkpoint} to {@code file} (atomically, replacing the previous
     * one) with {@code metadata} beside it, and the optimizer's state ({@link Optimizer#stateArrays}).
     */
    public Trainer checkpointEachEpoch(Path file, Map<String, Object> metadata) {
        return addListener(new EpochCheckpoints(file, metadata));
    }

    /**
     * Skips the optimizer step of a batch whose loss or gradient is NaN or infinite (logging a warning and
     * counting it in {@link TrainingResult#skippedBatches()}) instead of stopping with a
     * {@link TrainingDivergedException}.
     */
    public Trainer skipNonFiniteBatches() {
        return addListener(new SkipNonFiniteBatches());
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Trainer: " + what + " must be positive and finite, got " + value);
        }
    }

    /** Adds a listener or {@link Callback}; they run in the order they were added, after memory collection. */
    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Trains from the model's current weights for {@code fit.epochs()} epochs in batches of
     * {@code fit.batchSize()}, shuffled with {@code fit.seed()}:
     * {@code trainer.fit(data, Fit.epochs(10).batchSize(128).seed(1))}.
     */
    public TrainingResult fit(DataSet train, Fit fit) {
        return run(train, validationFor(fit), 1, fit.epochs(), fit.batchSize(), new Rng(fit.seed()));
    }

    /**
     * Continues a run from {@code checkpoint} up to epoch {@code fit.epochs()} (counted from the run's start),
     * in batches of {@code fit.batchSize()}: restores the optimizer's state and the shuffling generator (so
     * {@code fit.seed()} is not used), and the result equals a run that was never interrupted. The Trainer
     * must have been built on {@code checkpoint.model()}.
     */
    public TrainingResult resume(Checkpoint checkpoint, DataSet train, Fit fit) {
        int epochs = fit.epochs();
        if (checkpoint.model() != model) {
            throw new IllegalArgumentException("Trainer: build the Trainer on checkpoint.model() to resume it");
        }
        if (checkpoint.epoch() >= epochs) {
            throw new IllegalArgumentException("Trainer: the checkpoint is at epoch " + checkpoint.epoch()
                    + ", already at or past the requested " + epochs + " epochs");
        }
        checkpoint.restoreOptimizer(optimizer);
        Rng rng = new Rng(0);
        rng.restore(checkpoint.rng());
        return run(train, validationFor(fit), checkpoint.epoch() + 1, epochs, fit.batchSize(), rng);
    }

    private DataSet validationFor(Fit fit) {
        return fit.validation() != null ? fit.validation() : validation;
    }

    private TrainingResult run(DataSet train, DataSet validationData, int firstEpoch, int epochs, int batchSize,
            Rng rng) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("Trainer: the training set is empty; it needs at least one example");
        }
        try (Model.Claim claim = Model.of(model).claimForTraining()) {
            ResidentMemory.trainingStarted();
            try {
                return loop(train, validationData, firstEpoch, epochs, batchSize, rng);
            } finally {
                ResidentMemory.trainingEnded();
            }
        }
    }

    private TrainingResult loop(DataSet train, DataSet validationData, int firstEpoch, int epochs, int batchSize,
            Rng rng) {
        if (batchSize <= 0 || epochs <= 0) {
            throw new IllegalArgumentException("Trainer: epochs and batch size must be positive, got epochs="
                    + epochs + ", batchSize=" + batchSize);
        }
        Shapes.requireFinite("Trainer", "training features", train.features());
        Shapes.requireFinite("Trainer", "training labels", train.labels());
        if (validationData != null) {
            Shapes.requireFinite("Trainer", "validation features", validationData.features());
            Shapes.requireFinite("Trainer", "validation labels", validationData.labels());
        }
        String broken = nonFiniteState();
        if (broken != null) {
            throw new IllegalArgumentException("Trainer: the model starts with " + broken + "; initialize it or load "
                    + "finite weights before training");
        }
        Batches batches = new Batches(train, batchSize);
        skippedBatches = 0;
        lastFiniteLoss = Double.NaN;
        TrainingContext context = new TrainingContext(model, optimizer, this, train, batchSize, rng);
        callbacks().forEach(c -> c.onTrainingStart(context));
        List<EpochEvent> history = new ArrayList<>();
        StopReason reason = StopReason.EPOCH_LIMIT;
        for (int epoch = firstEpoch; epoch <= epochs && reason == StopReason.EPOCH_LIMIT; epoch++) {
            long start = System.nanoTime();
            double trainLoss = trainEpoch(batches, epoch, rng);
            double seconds = (System.nanoTime() - start) / 1e9;
            String diverged = nonFiniteState();
            if (diverged != null) {
                throw new TrainingDivergedException(epoch, batches.count(), diverged, lastFiniteLoss);
            }
            double validationLoss = validationData == null ? Double.NaN : meanLoss(validationData, batchSize);
            double validationAccuracy = validationData != null && classes(validationData)
                    ? Evaluation.of(model, validationData).accuracy() : Double.NaN;
            EpochEvent event = new EpochEvent(epoch, trainLoss, validationLoss, validationAccuracy,
                    optimizer.learningRate(), seconds, train.size());
            history.add(event);
            listeners.forEach(l -> l.onEpochEnd(event));
            reason = stopReason();
        }
        callbacks().forEach(c -> c.onTrainingEnd(context));
        return new TrainingResult(history.size(), reason, List.copyOf(history), skippedBatches);
    }

    /** The reason of the first listener that asks to stop, or {@link StopReason#EPOCH_LIMIT} when none does. */
    private StopReason stopReason() {
        for (TrainingListener listener : listeners) {
            if (listener.stopRequested()) {
                return listener instanceof Callback callback ? callback.stopReason() : StopReason.LISTENER;
            }
        }
        return StopReason.EPOCH_LIMIT;
    }

    private List<Callback> callbacks() {
        return listeners.stream().filter(Callback.class::isInstance).map(Callback.class::cast).toList();
    }

    /** One pass over a fresh permutation; returns the mean loss of the batches it stepped on. */
    private double trainEpoch(Batches batches, int epoch, Rng rng) {
        List<Parameter> parameters = model.parameters();
        double lossSum = 0;
        int batchNumber = 0;
        int stepped = 0;
        long firstStep = (long) (epoch - 1) * batches.count();
        for (DataSet batch : batches.shuffled(rng)) {
            int number = ++batchNumber;
            optimizer.setLearningRate(schedule.rate(epoch - 1, firstStep + number - 1));
            Loss.Result evaluated = loss.evaluate(model.forward(batch.features(), true), batch.labels());
            double value = evaluated.value();
            model.zeroGradients();
            String nonFinite = Double.isFinite(value) ? null : "loss " + value;
            if (nonFinite == null) {
                model.backwardParameters(evaluated.gradient());
                nonFinite = nonFiniteGradient(parameters);
            }
            if (nonFinite != null) {
                String what = nonFinite;
                if (callbacks().stream().noneMatch(c -> c.skipNonFiniteBatch(epoch, number, what))) {
                    throw new TrainingDivergedException(epoch, number, nonFinite, lastFiniteLoss);
                }
                skippedBatches++;
                continue;
            }
            lastFiniteLoss = value;
            listeners.forEach(l -> l.afterBackward(epoch, number, value, parameters));
            optimizer.step(parameters);
            lossSum += value;
            stepped++;
        }
        return stepped == 0 ? Double.NaN : lossSum / stepped;
    }

    /**
     * Names the first parameter whose gradient holds a NaN or ±∞, or null: Σ|g| is non-finite exactly when
     * an element is (short of overflow past 3.4e38), and it is one BLAS call per parameter
     * ({@link Kernels#absoluteSum}), a tenth of ND4J's sums (docs/performance.md, kernel figures).
     */
    private static String nonFiniteGradient(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (!Double.isFinite(Kernels.absoluteSum(p.gradient()))) {
                return "non-finite gradient of " + p.name();
            }
        }
        return null;
    }

    /** Whether {@code data}'s labels are classes: one-hot rows, or class indices of a data set that names them. */
    private static boolean classes(DataSet data) {
        return !data.classNames().isEmpty() || data.labels().rank() == 2 && data.labels().columns() > 1;
    }

    /**
     * Names the first parameter or buffer holding a NaN or ±∞, or null. A gradient can be finite while weights
     * are not (an update that overflowed, or a ReLU that hid a NaN), so the weights are checked after each epoch:
     * one BLAS sum per parameter.
     */
    private String nonFiniteState() {
        for (Parameter p : model.parameters()) {
            if (!Double.isFinite(Kernels.absoluteSum(p.value()))) {
                return "non-finite values in parameter " + p.name();
            }
        }
        for (Map.Entry<String, INDArray> buffer : model.buffers().entrySet()) {
            if (Shapes.firstNonFinite(buffer.getValue()) != null) {
                return "non-finite values in buffer " + buffer.getKey();
            }
        }
        return null;
    }

    /** The loss J over all of {@code data} in inference mode, as an example-weighted mean of batch losses. */
    public double meanLoss(DataSet data, int batchSize) {
        double total = 0;
        for (DataSet batch : Batches.inOrder(data, batchSize)) {
            total += loss.value(model.forward(batch.features(), false), batch.labels()) * batch.size();
        }
        return total / data.size();
    }

    /**
     * ‖∇J(w)‖ for J the mean loss over all of {@code data}: batch gradients weighted by batch size / n, in
     * inference mode, so that it changes no BatchNorm statistics and draws no Dropout mask.
     */
    public double fullGradientNorm(DataSet data, int batchSize) {
        List<Parameter> parameters = model.parameters();
        List<INDArray> sum = new ArrayList<>();
        parameters.forEach(p -> sum.add(p.gradient().ulike().assign(0)));
        for (DataSet batch : Batches.inOrder(data, batchSize)) {
            INDArray prediction = model.forward(batch.features(), false);
            model.zeroGradients();
            model.backwardParameters(loss.gradient(prediction, batch.labels()));
            double weight = (double) batch.size() / data.size();
            for (int i = 0; i < parameters.size(); i++) {
                Kernels.axpy(weight, parameters.get(i).gradient(), sum.get(i));
            }
        }
        model.zeroGradients();
        double squares = 0;
        for (INDArray g : sum) {
            double norm = g.norm2Number().doubleValue();
            squares += norm * norm;
        }
        return Math.sqrt(squares);
    }
}
