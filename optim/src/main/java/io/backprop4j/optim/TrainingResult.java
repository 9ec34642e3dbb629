package io.backprop4j.optim;

import io.backprop4j.optim.listeners.EpochEvent;
import java.util.List;

/**
 * How training ended: the epochs run, why it stopped, every epoch's figures, and how many batches were
 * skipped for a non-finite loss or gradient (only with {@code Trainer.skipNonFiniteBatches()}).
 */
public record TrainingResult(int epochs, StopReason stopReason, List<EpochEvent> history, int skippedBatches) {

    /** Why the loop stopped. */
    public enum StopReason {
        /** the maximum number of epochs was reached */
        EPOCH_LIMIT,
        /** the full-data gradient norm ‖∇J(w)‖ fell below θ, the textbook criterion */
        GRADIENT_NORM,
        /** the validation loss had not improved for {@code patience} epochs */
        EARLY_STOPPING,
        /** a listener asked to stop ({@code TrainingListener.stopRequested}) */
        LISTENER
    }

    public EpochEvent last() {
        return history.get(history.size() - 1);
    }
}
