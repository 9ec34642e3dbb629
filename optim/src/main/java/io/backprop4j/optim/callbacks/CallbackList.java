package io.backprop4j.optim.callbacks;

import io.backprop4j.core.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's callbacks called as one, Keras's {@code CallbackList}, with the finiteness policy around them:
 * {@link FiniteWeights} first and {@link StopOnNonFiniteBatch} last. A training loop, on one machine or on a
 * cluster's driver, calls each hook once at its point of the run.
 */
public final class CallbackList {

    private final List<Callback> callbacks;

    /** {@code callbacks} in their order, between the two finiteness callbacks. */
    public CallbackList(List<Callback> callbacks) {
        List<Callback> all = new ArrayList<>(List.of(new FiniteWeights()));
        all.addAll(callbacks);
        all.add(new StopOnNonFiniteBatch());
        this.callbacks = List.copyOf(all);
    }

    public void onTrainingStart(TrainingContext context) {
        callbacks.forEach(c -> c.onTrainingStart(context));
    }

    public void onEpochStart(int epoch) {
        callbacks.forEach(c -> c.onEpochStart(epoch));
    }

    public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
        callbacks.forEach(c -> c.afterBackward(epoch, batch, loss, parameters));
    }

    public void onBatchEnd(int epoch, int batch, double loss) {
        callbacks.forEach(c -> c.onBatchEnd(epoch, batch, loss));
    }

    public void onEpochEnd(EpochEvent event) {
        callbacks.forEach(c -> c.onEpochEnd(event));
    }

    /**
     * Whether a callback skips the batch whose loss or gradient is not finite ({@code what} says which); when none
     * does, the last one throws a {@link TrainingDivergedException}.
     */
    public boolean skipNonFiniteBatch(int epoch, int batch, String what) {
        return callbacks.stream().anyMatch(c -> c.skipNonFiniteBatch(epoch, batch, what));
    }

    /** The reason of the first callback that asks to stop, or {@link StopReason#EPOCH_LIMIT} when none does. */
    public StopReason stopReason() {
        for (Callback callback : callbacks) {
            if (callback.stopRequested()) {
                return callback.stopReason();
            }
        }
        return StopReason.EPOCH_LIMIT;
    }

    public void onTrainingEnd(TrainingContext context) {
        callbacks.forEach(c -> c.onTrainingEnd(context));
    }
}
