package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.ResidentMemory;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.EarlyStopping;
import io.backprop4j.optim.callbacks.EpochCheckpoints;
import io.backprop4j.optim.callbacks.Finiteness;
import io.backprop4j.optim.callbacks.GradientNormStop;
import io.backprop4j.optim.callbacks.SkipNonFiniteBatches;
import io.backprop4j.optim.callbacks.TrainingDivergedException;
import io.backprop4j.optim.callbacks.ValidationMetrics;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mini-batch gradient descent: each epoch draws a fresh random permutation of the training set and walks it in
 * batches of {@code batchSize} (the last one may be smaller); each batch is forward → loss → backward → optimizer
 * step. Full-batch gradient descent is {@code batchSize = n}, one-example SGD is {@code batchSize = 1}. One seed
 * fixes the shuffling.
 *
 * <p>Everything beyond the loop is a {@link Callback} that sees each run, epoch and batch and may stop training:
 * validation figures, early stopping, the gradient-norm stop, checkpoints, skipping non-finite batches, logging;
 * the fluent setters below add the library's own. The learning rate follows the schedule before every batch.
 * Non-finite losses, gradients or weights stop training with a {@link TrainingDivergedException} unless a callback
 * skips the batch. Each {@code fit} is a run of its own: a Trainer keeps no counters between runs.
 */
public final class Trainer {

    private final Layer model;
    private final Supplier<Loss> losses;
    private final Optimizer optimizer;
    private final List<Callback> callbacks = new ArrayList<>();
    private LearningRateSchedule schedule;

    /**
     * Trains {@code model}, any layer: a {@link Sequential} as it is, another layer (a {@code Residual} block, a
     * layer of one's own) inside a one-layer Sequential, whose parameters are then named {@code 0.NAME}.
     */
    public Trainer(Layer model, Loss loss, Optimizer optimizer) {
        this.model = model;
        this.losses = () -> loss;
        this.optimizer = optimizer;
    }

    /** A Trainer of whatever model {@link #fit(Layer, DataSet, Fit)} is given, one run at a time (a loss keeps buffers). */
    public Trainer(Loss loss, Optimizer optimizer) {
        this(() -> loss, optimizer);
    }

    /**
     * A Trainer of whatever model {@link #fit(Layer, DataSet, Fit)} is given, with a loss of its own for each run:
     * one Trainer, and one optimizer, may then train several models in turn or at once from several threads (each
     * model from one thread at a time), every run with counters, loss buffers and optimizer state of its own:
     * {@code new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.001))}.
     */
    public Trainer(Supplier<Loss> losses, Optimizer optimizer) {
        this.model = null;
        this.losses = losses;
        this.optimizer = optimizer;
    }

    /**
     * Sets the learning rate of each epoch, or of each step for a per-step schedule, for the runs of this Trainer
     * ({@link Optimizer#withSchedule}: the optimizer given keeps its own); without one the optimizer's own rate or
     * schedule applies. A schedule that watches the epochs (a {@link Callback}, as {@code ReduceOnPlateau}) is added
     * as a callback too.
     */
    public Trainer schedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
        if (schedule instanceof Callback watcher) {
            callbacks.add(watcher);
        }
        return this;
    }

    /** Adds a callback; callbacks run in the order they were added, after the validation figures of a fit. */
    public Trainer addCallback(Callback callback) {
        callbacks.add(callback);
        return this;
    }

    /** Measures the loss (and accuracy, for classes) on {@code validation} after every epoch, in every run. */
    public Trainer validateOn(DataSet validation) {
        return addCallback(new ValidationMetrics(validation));
    }

    /** Stops when the loss on {@code validation} has not improved for {@code patience} epochs, keeping the best weights. */
    public Trainer earlyStopping(DataSet validation, int patience) {
        return validateOn(validation).addCallback(new EarlyStopping(patience));
    }

    /** Stops when ‖∇J(w)‖ over the whole training set falls below θ, checked after every epoch. */
    public Trainer stopWhenGradientNormBelow(double theta) {
        return addCallback(new GradientNormStop(theta));
    }

    /**
     * After every epoch, writes a {@link Checkpoint} to {@code file} (atomically, replacing the previous one) with
     * {@code metadata} beside it, and the optimizer's state.
     */
    public Trainer checkpointEachEpoch(Path file, Map<String, Object> metadata) {
        return addCallback(new EpochCheckpoints(file, metadata));
    }

    /**
     * Skips the optimizer step of a batch whose loss or gradient is NaN or infinite (logging a warning and counting
     * it in {@link TrainingResult#skippedBatches()}) instead of stopping with a {@link TrainingDivergedException}.
     */
    public Trainer skipNonFiniteBatches() {
        return addCallback(new SkipNonFiniteBatches());
    }

    /**
     * Trains from the model's current weights for {@code fit.epochs()} epochs in batches of
     * {@code fit.batchSize()}, shuffled with {@code fit.seed()}:
     * {@code trainer.fit(data, Fit.epochs(10).batchSize(128).seed(1))}.
     */
    public TrainingResult fit(DataSet train, Fit fit) {
        if (model == null) {
            throw new IllegalStateException("Trainer: built without a model; call fit(model, data, fit)");
        }
        return fit(model, train, fit);
    }

    /** Trains {@code network} as {@link #fit(DataSet, Fit)} trains the Trainer's own model. */
    public TrainingResult fit(Layer network, DataSet train, Fit fit) {
        return run(network, train, fit, 1, new Rng(fit.seed()));
    }

    /**
     * Continues a run from {@code checkpoint} up to epoch {@code fit.epochs()} (counted from the run's start), in
     * batches of {@code fit.batchSize()}: restores the optimizer's state (refusing an optimizer other than the
     * checkpoint's) and the shuffling generator (so {@code fit.seed()} is not used), and the result equals a run
     * that was never interrupted. The Trainer must have been built on {@code checkpoint.model()}.
     */
    public TrainingResult resume(Checkpoint checkpoint, DataSet train, Fit fit) {
        if (model != null && checkpoint.model() != model) {
            throw new IllegalArgumentException("Trainer: build the Trainer on checkpoint.model() to resume it");
        }
        if (checkpoint.epoch() >= fit.epochs()) {
            throw new IllegalArgumentException("Trainer: the checkpoint is at epoch " + checkpoint.epoch()
                    + ", already at or past the requested " + fit.epochs() + " epochs");
        }
        checkpoint.restoreOptimizer(optimizer);
        Rng rng = new Rng(0);
        rng.restore(checkpoint.rng());
        return run(checkpoint.model(), train, fit, checkpoint.epoch() + 1, rng);
    }

    private TrainingResult run(Layer network, DataSet train, Fit fit, int firstEpoch, Rng rng) {
        Sequential model = Model.of(network).sequential();
        if (train.size() == 0) {
            throw new IllegalArgumentException("Trainer: the training set is empty; it needs at least one example");
        }
        Finiteness.requireFinite("training", train);
        List<Callback> runCallbacks = new ArrayList<>();
        if (fit.validation() != null) {
            Finiteness.requireFinite("validation", fit.validation());
            runCallbacks.add(new ValidationMetrics(fit.validation(), fit.metrics()));
        }
        for (Callback callback : callbacks) {
            if (callback instanceof ValidationMetrics validation) {
                Finiteness.requireFinite("validation", validation.data());
            }
            runCallbacks.add(callback);
        }
        String broken = Finiteness.nonFiniteState(model);
        if (broken != null) {
            throw new IllegalArgumentException("Trainer: the model starts with " + broken + "; initialize it or load "
                    + "finite weights before training");
        }
        try (Model.Claim claim = Model.of(network).claimForTraining()) {
            ResidentMemory.trainingStarted();
            try {
                Optimizer stepping = schedule == null ? optimizer
                        : optimizer.withSchedule(schedule, Batches.count(train.size(), fit.batchSize()));
                return new TrainingRun(model, losses.get(), stepping, runCallbacks, train, fit, rng)
                        .epochs(firstEpoch, fit.epochs());
            } finally {
                ResidentMemory.trainingEnded();
            }
        }
    }
}
