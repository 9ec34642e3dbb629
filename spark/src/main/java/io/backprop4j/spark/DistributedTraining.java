package io.backprop4j.spark;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.optim.Checkpoint;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.CallbackList;
import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.callbacks.Finiteness;
import io.backprop4j.optim.callbacks.StopReason;
import io.backprop4j.optim.callbacks.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's loop of a Spark fit. Each epoch draws the permutation the single-machine {@code Trainer} draws with
 * the same seed ({@code new Rng(seed).permutation(n)} per epoch) and cuts it into global batches of B rows; a
 * {@link TrainingMode#SYNCHRONOUS} step sums the partitions' {@link GradientTask}s with the {@link AllReduce} and
 * steps the optimizer here, an {@link TrainingMode#AVERAGING} round averages the partitions' {@link LocalSteps}.
 * Each step or round is one Spark job, a function of the broadcast weights only, so a task that Spark retries
 * computes the same numbers again and nothing is applied twice. After every epoch the validation rows are
 * evaluated ({@link ValidationTask}), the library's callbacks see the epoch's {@link EpochEvent} and may stop the
 * fit, and a {@link Checkpoint} is written when a path is given; a fit given an existing checkpoint continues from
 * it. Callbacks run on the driver: in synchronous mode every hook is called, {@code afterBackward} with the
 * all-reduced gradients; in averaging mode {@code onBatchEnd} comes after each round, numbered by its last batch,
 * and {@code afterBackward} is not called, since no gradient of the whole batch exists.
 */
final class DistributedTraining {

    private static final Logger LOG = LoggerFactory.getLogger(DistributedTraining.class);

    private final JavaSparkContext spark;
    private final TrainingSets sets;
    private final int rows;
    private final Settings settings;
    private final CallbackList callbacks;
    private final Path checkpoint;
    private final int stepsPerEpoch;
    private Sequential model;
    private final List<EpochFigures> history = new ArrayList<>();

    DistributedTraining(JavaSparkContext spark, TrainingSets sets, Sequential model, Settings settings,
            List<Callback> callbacks, Path checkpoint) {
        this.spark = spark;
        this.sets = sets;
        this.rows = sets.trainRows();
        this.model = model;
        this.settings = settings;
        this.callbacks = new CallbackList(callbacks);
        this.checkpoint = checkpoint;
        this.stepsPerEpoch = Batches.count(rows, settings.batchSize());
    }

    /** Trains to the last epoch or a callback's stop; returns the trained model (the checkpoint's, if resumed). */
    Sequential run() {
        Optimizer optimizer = settings.newOptimizer(stepsPerEpoch);
        Rng rng = new Rng(settings.seed());
        int first = 1;
        if (checkpoint != null && Files.exists(checkpoint)) {
            Checkpoint saved = load(checkpoint);
            model = saved.model();
            saved.restoreOptimizer(optimizer);
            rng.restore(saved.rng());
            first = saved.epoch() + 1;
            LOG.info("Resuming from {} after epoch {}", checkpoint, saved.epoch());
        }
        TrainingContext context = new TrainingContext(model, settings.loss().get(), null, settings.batchSize(), rng,
                (file, epoch, metadata) -> Checkpoint.save(file, model, optimizer, epoch, rng.state(), metadata));
        Broadcast<Map<String, byte[]>> file = spark.broadcast(ModelFile.entries(model, Map.of()));
        try {
            callbacks.onTrainingStart(context);
            StopReason reason = StopReason.EPOCH_LIMIT;
            for (int epoch = first; epoch <= settings.epochs() && reason == StopReason.EPOCH_LIMIT; epoch++) {
                callbacks.onEpochStart(epoch);
                int[][] batches = batches(rng.permutation(rows));
                long start = System.nanoTime();
                double[] lossAndNanos = settings.mode() == TrainingMode.SYNCHRONOUS
                        ? synchronousEpoch(file, batches, optimizer, epoch)
                        : averagingEpoch(file, batches, optimizer, epoch);
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochEvent event = new EpochEvent(epoch, lossAndNanos[0],
                        optimizer.learningRate((long) epoch * stepsPerEpoch - 1), seconds, rows, new LinkedHashMap<>());
                validate(file, event);
                callbacks.onEpochEnd(event);
                EpochFigures figures = new EpochFigures(epoch, event.trainLoss(), seconds,
                        lossAndNanos[1] / 1e9 / sets.train().getNumPartitions(), (int) lossAndNanos[2],
                        Collections.unmodifiableMap(new LinkedHashMap<>(event.metrics())));
                history.add(figures);
                LOG.info("epoch {}/{}: loss {} {}({} s, {} samples/s)", epoch, settings.epochs(),
                        String.format("%.4f", figures.loss()), figures.metrics().isEmpty() ? "" : figures.metrics() + " ",
                        String.format("%.2f", figures.seconds()), Math.round(figures.samplesPerSecond(rows)));
                save(epoch, optimizer, rng);
                reason = callbacks.stopReason();
            }
            callbacks.onTrainingEnd(context);
        } finally {
            file.destroy();
        }
        return model;
    }

    List<EpochFigures> history() {
        return List.copyOf(history);
    }

    /**
     * Each global batch: Σ_p g_p by the all-reduce, then one optimizer step, unless its loss or gradient is not
     * finite and a callback skips it; returns [mean loss of the stepped batches, nanos, jobs].
     */
    private double[] synchronousEpoch(Broadcast<Map<String, byte[]>> file, int[][] batches, Optimizer optimizer,
            int epoch) {
        List<Parameter> parameters = model.parameters();
        int length = ParameterVector.length(parameters);
        double lossSum = 0;
        double nanos = 0;
        int stepped = 0;
        for (int b = 0; b < batches.length; b++) {
            Broadcast<double[]> weights = spark.broadcast(ParameterVector.values(parameters));
            double[] sum = settings.allReduce().sum(sets.train().map(new GradientTask(file, weights, batches[b],
                    settings.loss(), settings.classes())), length + GradientTask.EXTRA);
            weights.destroy();
            nanos += sum[length + 1];
            double loss = sum[length] / batches[b].length;
            ParameterVector.setGradients(parameters, sum);
            String nonFinite = Double.isFinite(loss) ? Finiteness.nonFiniteGradient(parameters) : "loss " + loss;
            if (nonFinite != null) {
                callbacks.skipNonFiniteBatch(epoch, b + 1, nonFinite);
                continue;
            }
            callbacks.afterBackward(epoch, b + 1, loss, parameters);
            optimizer.step(parameters);
            callbacks.onBatchEnd(epoch, b + 1, loss);
            lossSum += loss;
            stepped++;
        }
        return new double[] {stepped == 0 ? Double.NaN : lossSum / stepped, nanos, batches.length};
    }

    /** Rounds of k global batches, each ending in the weighted average; returns [mean loss, nanos, jobs]. */
    private double[] averagingEpoch(Broadcast<Map<String, byte[]>> file, int[][] batches, Optimizer optimizer,
            int epoch) {
        List<Parameter> parameters = model.parameters();
        int k = settings.averagingPeriod();
        double lossSum = 0;
        double rowsSum = 0;
        double nanos = 0;
        int jobs = 0;
        for (int from = 0; from < batches.length; from += k) {
            int[][] round = Arrays.copyOfRange(batches, from, Math.min(from + k, batches.length));
            LocalSteps.Start start = new LocalSteps.Start(ParameterVector.values(parameters),
                    new HashMap<>(optimizer.stateArrays(parameters)), new HashMap<>(optimizer.stepCounts(parameters)));
            Broadcast<LocalSteps.Start> broadcast = spark.broadcast(start);
            LocalSteps.Weighted sum = sets.train()
                    .map(new LocalSteps(file, broadcast, round, settings, stepsPerEpoch))
                    .reduce(LocalSteps.Weighted::plus);
            broadcast.destroy();
            average(parameters, optimizer, sum);
            callbacks.onBatchEnd(epoch, from + round.length, sum.loss() / sum.rows());
            lossSum += sum.loss();
            rowsSum += sum.rows();
            nanos += sum.nanos();
            jobs++;
        }
        return new double[] {lossSum / rowsSum, nanos, jobs};
    }

    /** Adds {@code val_loss}, and {@code val_accuracy} for classes, of the validation rows to {@code event}. */
    private void validate(Broadcast<Map<String, byte[]>> file, EpochEvent event) {
        if (sets.validation() == null) {
            return;
        }
        Broadcast<double[]> weights = spark.broadcast(ParameterVector.values(model.parameters()));
        double[] sums = sets.validation().map(new ValidationTask(file, weights, settings.loss(), settings.classes()))
                .reduce(AllReduce::addInto);
        weights.destroy();
        event.put(EpochEvent.VALIDATION_LOSS, sums[0] / sums[2]);
        if (settings.classes()) {
            event.put(EpochEvent.VALIDATION_ACCURACY, sums[1] / sums[2]);
        }
    }

    /** θ ← Σ_p n_p·θ_p / Σ_p n_p, and the optimizer's state likewise. */
    private static void average(List<Parameter> parameters, Optimizer optimizer, LocalSteps.Weighted sum) {
        double[] weights = sum.weights();
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum.rows();
        }
        if (!Arrays.stream(weights).allMatch(Double::isFinite)) {
            throw new IllegalStateException("Spark training diverged: an averaged weight is not finite; lower the "
                    + "learning rate");
        }
        ParameterVector.setValues(parameters, weights);
        sum.state().values().forEach(array -> array.divi(sum.rows()));
        if (!sum.state().isEmpty()) {
            optimizer.restoreState(parameters, sum.state(), sum.steps());
        }
    }

    /** The permutation cut into global batches of B rows, the last one shorter. */
    private int[][] batches(int[] order) {
        int size = settings.batchSize();
        int[][] batches = new int[stepsPerEpoch][];
        for (int b = 0; b < stepsPerEpoch; b++) {
            batches[b] = Arrays.copyOfRange(order, b * size, Math.min((b + 1) * size, order.length));
        }
        return batches;
    }

    private void save(int epoch, Optimizer optimizer, Rng rng) {
        if (checkpoint == null) {
            return;
        }
        try {
            Checkpoint.save(checkpoint, model, optimizer, epoch, rng.state(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    private static Checkpoint load(Path file) {
        try {
            return Checkpoint.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
