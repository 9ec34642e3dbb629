package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.Sequential;

/**
 * What a {@link Callback} sees of a run: the model, its optimizer, the Trainer (for {@link Trainer#meanLoss} and
 * {@link Trainer#fullGradientNorm}), the training data, the batch size and the generator that shuffles the
 * epochs (its state is what a checkpoint saves).
 */
public record TrainingContext(Sequential model, Optimizer optimizer, Trainer trainer, DataSet train, int batchSize,
        Rng shuffling) {
}
