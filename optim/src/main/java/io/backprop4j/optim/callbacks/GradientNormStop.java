package io.backprop4j.optim.callbacks;

/**
 * The textbook stop: after each epoch, ‖∇J(w)‖ over the whole training set ({@link FullBatch#gradientNorm},
 * in inference mode, so that it changes no BatchNorm statistics and draws no Dropout mask) below θ ends training.
 */
public final class GradientNormStop implements Callback {

    private final double theta;
    private TrainingContext context;
    private boolean below;

    public GradientNormStop(double theta) {
        if (!(theta > 0 && theta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("GradientNormStop: θ must be positive and finite, got " + theta);
        }
        this.theta = theta;
    }

    @Override
    public void onTrainingStart(TrainingContext context) {
        if (context.train() == null) {
            throw new IllegalArgumentException("GradientNormStop needs the training data in this JVM, and this run's "
                    + "data is elsewhere (a fit on Spark); stop on a figure of the epochs with EarlyStopping instead");
        }
        this.context = context;
        below = false;
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        below = FullBatch.gradientNorm(context.model(), context.loss(), context.train(), context.batchSize()) < theta;
    }

    @Override
    public boolean stopRequested() {
        return below;
    }

    @Override
    public StopReason stopReason() {
        return StopReason.GRADIENT_NORM;
    }
}
