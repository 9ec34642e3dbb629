package io.backprop4j.optim.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * After every epoch, writes a checkpoint ({@code Checkpoint}) to one file (atomically, replacing the previous one): the
 * model, the optimizer's state, the epoch and the shuffling generator's state, with {@code metadata} beside them,
 * so that {@code Trainer.resume} continues as if never interrupted.
 */
public final class EpochCheckpoints implements Callback {

    private final Path file;
    private final Map<String, Object> metadata;
    private TrainingContext context;

    public EpochCheckpoints(Path file, Map<String, Object> metadata) {
        this.file = file;
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public void onTrainingStart(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        try {
            context.checkpoints().write(file, event.epoch(), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("Trainer: cannot write the checkpoint of epoch " + event.epoch() + " to "
                    + file + ": " + e.getMessage(), e);
        }
    }
}
