package io.backprop4j.optim.callbacks;

/**
 * The second half of the finiteness policy, every run's last callback: a batch whose loss or gradient is NaN or
 * infinite stops training with a {@link TrainingDivergedException}, unless a callback before it skips the batch
 * ({@link SkipNonFiniteBatches}).
 */
public final class StopOnNonFiniteBatch implements Callback {

    private double lastFiniteLoss = Double.NaN;

    @Override
    public void onBatchEnd(int epoch, int batch, double loss) {
        lastFiniteLoss = loss;
    }

    @Override
    public boolean skipNonFiniteBatch(int epoch, int batch, String what) {
        throw new TrainingDivergedException(epoch, batch, what, lastFiniteLoss);
    }
}
