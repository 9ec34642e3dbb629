package io.backprop4j.optim.callbacks;

/**
 * The first half of the finiteness policy, every run's first callback: after each epoch, weights or buffers that
 * hold a NaN or ±∞ stop training with a {@link TrainingDivergedException} before any other callback reads them. A
 * gradient can be finite while a weight is not (an update that overflowed, or a ReLU that hid a NaN).
 */
public final class FiniteWeights implements Callback {

    private TrainingContext context;
    private int lastBatch;
    private double lastFiniteLoss = Double.NaN;

    @Override
    public void onTrainingStart(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss) {
        lastBatch = batch;
        lastFiniteLoss = loss;
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        String diverged = Finiteness.nonFiniteState(context.model());
        if (diverged != null) {
            throw new TrainingDivergedException(event.epoch(), lastBatch, diverged, lastFiniteLoss);
        }
    }
}
