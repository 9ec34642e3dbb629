package io.backprop4j.optim.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code EarlyStopping}: stops when the figure {@code monitor} of the epochs' records has not improved by
 * more than {@code minDelta} for {@code patience} epochs; improving means falling in {@link Mode#MIN} and rising in
 * {@link Mode#MAX} ({@link Mode#AUTO}: rising for figures named like an accuracy, else falling). With
 * {@code restoreBestWeights} it puts back the parameters and buffers (BatchNorm's running statistics) of the best
 * epoch at the end. A validation figure needs validation data ({@code Fit.validation}).
 */
public final class EarlyStopping implements Callback {

    /** Which way a figure improves. */
    public enum Mode { MIN, MAX, AUTO }

    private final String monitor;
    private final boolean higherIsBetter;
    private final double minDelta;
    private final int patience;
    private final boolean restoreBestWeights;
    private TrainingContext context;
    private Map<String, INDArray> best;
    private double bestValue;
    private int epochsWithoutImprovement;

    public EarlyStopping(String monitor, Mode mode, double minDelta, int patience, boolean restoreBestWeights) {
        if (patience <= 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be positive, got " + patience);
        }
        if (!(minDelta >= 0 && minDelta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("EarlyStopping: minDelta must be finite and not negative, got "
                    + minDelta);
        }
        this.monitor = monitor;
        this.higherIsBetter = mode == Mode.MAX || mode == Mode.AUTO && monitor.contains("acc");
        this.minDelta = minDelta;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
    }

    /** Watches {@code val_loss} with no minimum improvement, and restores the best epoch's weights at the end. */
    public EarlyStopping(int patience) {
        this(EpochEvent.VALIDATION_LOSS, Mode.MIN, 0, patience, true);
    }

    @Override
    public void onTrainingStart(TrainingContext context) {
        best = null;
        bestValue = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        epochsWithoutImprovement = 0;
        this.context = context;
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        double value = event.metric(monitor);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("EarlyStopping: the epoch's record has no '" + monitor + "' (it has loss"
                    + (event.metrics().isEmpty() ? "" : ", " + String.join(", ", event.metrics().keySet()))
                    + "); for a validation figure, give the fit validation data");
        }
        boolean improved = higherIsBetter ? value - minDelta > bestValue : value + minDelta < bestValue;
        if (improved) {
            bestValue = value;
            best = restoreBestWeights ? snapshot() : null;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
    }

    @Override
    public boolean stopRequested() {
        return epochsWithoutImprovement >= patience;
    }

    @Override
    public StopReason stopReason() {
        return StopReason.EARLY_STOPPING;
    }

    @Override
    public void onTrainingEnd(TrainingContext context) {
        if (best != null) {
            context.model().parameters().forEach(p -> p.value().assign(best.get(p.name())));
            context.model().buffers().forEach((name, buffer) -> buffer.assign(best.get("buffer " + name)));
        }
    }

    /** Copies of every parameter and buffer, by name. */
    private Map<String, INDArray> snapshot() {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        context.model().parameters().forEach(p -> copies.put(p.name(), p.value().dup()));
        context.model().buffers().forEach((name, buffer) -> copies.put("buffer " + name, buffer.dup()));
        return copies;
    }
}
