package io.backprop4j.optim.callbacks;

/**
 * Training produced a NaN or infinite loss or gradient; says which, where, and the last finite loss before
 * it. A checkpoint written by {@code Trainer.checkpointEachEpoch} is left as it was after the last good epoch.
 */
public final class TrainingDivergedException extends RuntimeException {

    private final int epoch;
    private final int batch;

    public TrainingDivergedException(int epoch, int batch, String what, double lastFiniteLoss) {
        super("Training diverged: " + what + " at epoch " + epoch + ", batch " + batch
                + " (last finite loss " + lastFiniteLoss + "). Lower the learning rate, clip gradients, "
                + "or skip such batches with Trainer.skipNonFiniteBatches().");
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() {
        return epoch;
    }

    public int batch() {
        return batch;
    }
}
