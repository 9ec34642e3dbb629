package io.backprop4j.optim;

import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.callbacks.StopReason;
import java.util.List;

/**
 * How training ended: the epochs run, why it stopped, every epoch's figures (Keras's {@code History}), and how
 * many batches were skipped for a non-finite loss or gradient (only with {@code Trainer.skipNonFiniteBatches()}).
 */
public record TrainingResult(int epochs, StopReason stopReason, List<EpochEvent> history, int skippedBatches) {

    public EpochEvent last() {
        return history.get(history.size() - 1);
    }
}
