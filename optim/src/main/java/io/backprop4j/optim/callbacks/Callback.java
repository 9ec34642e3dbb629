package io.backprop4j.optim.callbacks;

import io.backprop4j.core.Parameter;
import java.util.List;

/**
 * Hooks into the training loop, Keras's {@code Callback}: the run's start and end (with the model, data and
 * shuffling generator of {@link TrainingContext}), each epoch's start and end (whose {@link EpochEvent} any callback
 * may add figures to), each batch after its backward pass and after its step, every batch whose loss or gradient
 * is not finite, and a request to stop. Every method does nothing unless overridden. Callbacks run in the order
 * they were added.
 */
public interface Callback {

    /** Before the first epoch of a {@code fit} or {@code resume}. */
    default void onTrainingStart(TrainingContext context) {
    }

    /** Before epoch {@code epoch} (from 1) draws its batches. */
    default void onEpochStart(int epoch) {
    }

    /** After the backward pass of a batch and before the optimizer step: gradients are complete here. */
    default void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
    }

    /** After the optimizer step of batch {@code batch} (from 1) of {@code epoch}, whose loss was {@code loss}. */
    default void onBatchEnd(int epoch, int batch, double loss) {
    }

    /** After an epoch; {@code event.metrics()} holds what earlier callbacks added (validation figures first). */
    default void onEpochEnd(EpochEvent event) {
    }

    /** Asked after each epoch's {@link #onEpochEnd}: true stops training there (Keras's {@code stop_training}). */
    default boolean stopRequested() {
        return false;
    }

    /** The reason a stop this callback asks for is reported under. */
    default StopReason stopReason() {
        return StopReason.CALLBACK;
    }

    /**
     * Whether to skip the optimizer step of a batch whose loss or gradient is NaN or infinite ({@code what} says
     * which); when no callback does, training stops with a {@code TrainingDivergedException}.
     */
    default boolean skipNonFiniteBatch(int epoch, int batch, String what) {
        return false;
    }

    /** After the last epoch, when training stops without an exception. */
    default void onTrainingEnd(TrainingContext context) {
    }
}
