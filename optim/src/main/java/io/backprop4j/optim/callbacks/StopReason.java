package io.backprop4j.optim.callbacks;

/** Why a training run stopped. */
public enum StopReason {
    /** the maximum number of epochs was reached */
    EPOCH_LIMIT,
    /** the full-data gradient norm ‖∇J(w)‖ fell below θ, the textbook criterion */
    GRADIENT_NORM,
    /** the monitored figure had not improved for {@code patience} epochs */
    EARLY_STOPPING,
    /** another callback asked to stop ({@link Callback#stopRequested}) */
    CALLBACK
}
