package io.backprop4j.optim.listeners;

import io.backprop4j.core.Parameter;
import java.util.List;

/** Hooks into the training loop, which can also stop it; every method does nothing unless overridden. */
public interface TrainingListener {

    /** After the backward pass of a batch and before the optimizer step: gradients are complete here. */
    default void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
    }

    default void onEpochEnd(EpochEvent event) {
    }

    /** Asked after each epoch's {@link #onEpochEnd}: true stops training there (Keras's {@code stop_training}). */
    default boolean stopRequested() {
        return false;
    }
}
