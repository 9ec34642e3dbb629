package io.backprop4j.optim;

/** Training produced a NaN or infinite loss; says where, and the last finite loss before it. */
public final class TrainingDivergedException extends RuntimeException {

    private final int epoch;
    private final int batch;

    public TrainingDivergedException(int epoch, int batch, double loss, double lastFiniteLoss) {
        super("Training diverged: loss " + loss + " at epoch " + epoch + ", batch " + batch
                + " (last finite loss " + lastFiniteLoss + "). Lower the learning rate, clip gradients, "
                + "or check the inputs for NaN/Inf.");
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
