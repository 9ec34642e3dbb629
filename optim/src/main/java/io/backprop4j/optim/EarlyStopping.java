package io.backprop4j.optim;

import io.backprop4j.optim.TrainingResult.StopReason;
import io.backprop4j.optim.listeners.EpochEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stops when the validation loss has not improved for {@code patience} epochs, and puts back the parameters and
 * buffers (BatchNorm's running statistics) of the best epoch at the end. Needs validation data
 * ({@link Trainer#validateOn}); {@link Trainer#earlyStopping} sets both.
 */
public final class EarlyStopping implements Callback {

    private final int patience;
    private TrainingContext context;
    private Map<String, INDArray> best;
    private double bestLoss;
    private int epochsWithoutImprovement;

    public EarlyStopping(int patience) {
        if (patience <= 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be positive, got " + patience);
        }
        this.patience = patience;
    }

    @Override
    public void onTrainingStart(TrainingContext context) {
        best = null;
        bestLoss = Double.POSITIVE_INFINITY;
        epochsWithoutImprovement = 0;
        this.context = context;
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        if (Double.isNaN(event.validationLoss())) {
            throw new IllegalStateException("EarlyStopping: no validation loss; call Trainer.validateOn(data)");
        }
        if (event.validationLoss() < bestLoss) {
            bestLoss = event.validationLoss();
            best = snapshot();
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
