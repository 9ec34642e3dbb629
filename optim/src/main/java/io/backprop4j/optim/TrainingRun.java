package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.ResidentMemory;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.CallbackList;
import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.callbacks.Finiteness;
import io.backprop4j.optim.callbacks.StopReason;
import io.backprop4j.optim.callbacks.TrainingContext;
import io.backprop4j.optim.metrics.Metric;
import io.backprop4j.optim.metrics.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One {@code fit} or {@code resume} of a {@link Trainer}: the epochs' loop and what it counts (the history, the
 * skipped batches), kept here rather than in the Trainer so that runs leave nothing behind. The callbacks are
 * called through a {@link CallbackList}, which wraps them in the finiteness policy.
 */
final class TrainingRun {

    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final CallbackList callbacks;
    private final Batches batches;
    private final Rng rng;
    private final TrainingContext context;
    private final List<Metric> metrics;
    private final List<EpochEvent> history = new ArrayList<>();
    private int skippedBatches;

    TrainingRun(Layer model, Loss loss, Optimizer optimizer, List<Callback> callbacks, DataSet train, Fit fit,
            Rng rng) {
        int batchSize = fit.batchSize();
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.callbacks = new CallbackList(callbacks);
        this.batches = new Batches(train, batchSize, fit.augmentation());
        this.metrics = fit.metrics().stream().map(Metrics::named).toList();
        this.rng = rng;
        this.context = new TrainingContext(model, loss, train, batchSize, rng, (file, epoch, metadata) ->
                Checkpoint.save(file, model, optimizer, epoch, rng.state(), metadata));
    }

    /** Epochs {@code firstEpoch} to {@code lastEpoch}, or until a callback stops them. */
    TrainingResult epochs(int firstEpoch, int lastEpoch) {
        callbacks.onTrainingStart(context);
        StopReason reason = StopReason.EPOCH_LIMIT;
        for (int epoch = firstEpoch; epoch <= lastEpoch && reason == StopReason.EPOCH_LIMIT; epoch++) {
            callbacks.onEpochStart(epoch);
            metrics.forEach(Metric::reset);
            long start = System.nanoTime();
            double trainLoss = epoch(epoch);
            double seconds = (System.nanoTime() - start) / 1e9;
            EpochEvent event = new EpochEvent(epoch, trainLoss, optimizer.learningRate((long) epoch * batches.count() - 1),
                    seconds,
                    context.train().size(), new LinkedHashMap<>());
            metrics.forEach(metric -> event.put(metric.name(), metric.result()));
            history.add(event);
            callbacks.onEpochEnd(event);
            ResidentMemory.collectIfGrown(ResidentMemory.TRAINING_GROWTH);
            reason = callbacks.stopReason();
        }
        callbacks.onTrainingEnd(context);
        return new TrainingResult(history.size(), reason, List.copyOf(history), skippedBatches);
    }

    /**
     * One pass over a fresh permutation, each batch forward → loss → backward → optimizer step (whose learning rate
     * follows its schedule); returns the mean loss of the batches it stepped on.
     */
    private double epoch(int epoch) {
        List<Parameter> parameters = model.parameters();
        double lossSum = 0;
        int batchNumber = 0;
        int stepped = 0;
        for (DataSet batch : batches.shuffled(rng)) {
            int number = ++batchNumber;
            INDArray output = model.forward(batch.features(), true);
            Loss.Result evaluated = loss.evaluate(output, batch.labels());
            double value = evaluated.value();
            if (Double.isFinite(value)) {
                metrics.forEach(metric -> metric.update(output, batch.labels()));
            }
            model.zeroGradients();
            String nonFinite = Double.isFinite(value) ? null : "loss " + value;
            if (nonFinite == null) {
                model.backwardParameters(evaluated.gradient());
                nonFinite = Finiteness.nonFiniteGradient(parameters);
            }
            if (nonFinite != null) {
                if (callbacks.skipNonFiniteBatch(epoch, number, nonFinite)) {
                    skippedBatches++;
                }
                continue;
            }
            callbacks.afterBackward(epoch, number, value, parameters);
            optimizer.step(parameters);
            callbacks.onBatchEnd(epoch, number, value);
            lossSum += value;
            stepped++;
        }
        return stepped == 0 ? Double.NaN : lossSum / stepped;
    }
}
