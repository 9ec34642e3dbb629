package io.backprop4j.optim;

import io.backprop4j.optim.TrainingResult.StopReason;
import io.backprop4j.optim.listeners.TrainingListener;

/**
 * A {@link TrainingListener} that also sees the run as a whole, Keras's {@code Callback}: its start and end (with
 * the model, optimizer, data and shuffling generator of {@link TrainingContext}), every batch whose loss or
 * gradient is not finite, and why it stops training when it asks to. Early stopping, the gradient-norm stop,
 * checkpoints, skipping non-finite batches and memory collection are callbacks; {@link Trainer}'s fluent setters
 * add them.
 */
public interface Callback extends TrainingListener {

    /** Before the first epoch of a {@code fit} or {@code resume}. */
    default void onTrainingStart(TrainingContext context) {
    }

    /** After the last epoch, when training stops without an exception. */
    default void onTrainingEnd(TrainingContext context) {
    }

    /**
     * Whether to skip the optimizer step of a batch whose loss or gradient is NaN or infinite ({@code what} says
     * which); when no callback does, the Trainer stops with a {@link TrainingDivergedException}.
     */
    default boolean skipNonFiniteBatch(int epoch, int batch, String what) {
        return false;
    }

    /** The reason a stop this callback asks for is reported under. */
    default StopReason stopReason() {
        return StopReason.LISTENER;
    }
}
