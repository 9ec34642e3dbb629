package io.backprop4j.optim.callbacks;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.losses.Loss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link Callback} sees of a run: the model, its loss, the training data (null when it is not in this JVM, as
 * in a fit on Spark, whose rows stay on the executors), the batch size, the generator that shuffles the epochs (its
 * state is what a checkpoint saves), and the writer of the run's checkpoints.
 */
public record TrainingContext(Layer model, Loss loss, DataSet train, int batchSize, Rng shuffling,
        CheckpointWriter checkpoints) {

    /** Writes the run's checkpoint after {@code epoch}: the model, the optimizer's state, the shuffling state. */
    @FunctionalInterface
    public interface CheckpointWriter {
        void write(Path file, int epoch, Map<String, Object> metadata) throws IOException;
    }
}
