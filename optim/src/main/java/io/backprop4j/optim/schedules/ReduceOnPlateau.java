package io.backprop4j.optim.schedules;

import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.EpochEvent;

/**
 * PyTorch's {@code ReduceLROnPlateau} (mode min, relative threshold): after each epoch it watches the validation
 * loss (the training loss without validation data); when it has not fallen below best · (1 − threshold) for
 * more than {@code patience} epochs, the rate is multiplied by {@code factor}, down to {@code minimumRate}. The
 * Trainer registers it as a listener when it is given as the schedule.
 */
public final class ReduceOnPlateau implements LearningRateSchedule, Callback {

    private final double factor;
    private final int patience;
    private final double threshold;
    private final double minimumRate;
    private double rate;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    public ReduceOnPlateau(double rate, double factor, int patience, double threshold, double minimumRate) {
        if (!(rate > 0) || !(factor > 0 && factor < 1) || patience < 0 || !(threshold >= 0) || !(minimumRate >= 0)) {
            throw new IllegalArgumentException("ReduceOnPlateau: needs a positive rate, a factor in (0, 1), patience"
                    + " and threshold of 0 or more, got " + rate + ", " + factor + ", " + patience + ", " + threshold);
        }
        this.rate = rate;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.minimumRate = minimumRate;
    }

    /** PyTorch's defaults: factor 0.1, patience 10, threshold 10⁻⁴, no minimum. */
    public ReduceOnPlateau(double rate) {
        this(rate, 0.1, 10, 1e-4, 0);
    }

    @Override
    public double rate(int epoch) {
        return rate;
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        double loss = Double.isNaN(event.validationLoss()) ? event.trainLoss() : event.validationLoss();
        if (loss < best * (1 - threshold)) {
            best = loss;
            badEpochs = 0;
        } else if (++badEpochs > patience) {
            rate = Math.max(minimumRate, rate * factor);
            badEpochs = 0;
        }
    }
}
