package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Kullback–Leibler divergence of the prediction from the target t, J = r Σ t·log(t/z) with 0·log 0 = 0 and
 * r = 1/B by default ({@link Reduction#BATCHMEAN}, the divergence per example; PyTorch's {@code mean} over
 * elements is {@link Reduction#MEAN}). The prediction is probabilities z by default, ∂J/∂z = −r·t/z; with
 * {@link Input#LOG_PROBABILITIES} it is log z, as PyTorch's {@code kl_div(input, target, reduction="batchmean")}
 * takes it: J = r Σ t·(log t − log z), ∂J/∂log z = −r·t. Cross-entropy = entropy(t) + KL(t‖z).
 */
public final class KLDivergence implements Loss {

    /** What the prediction holds. */
    public enum Input {
        PROBABILITIES, LOG_PROBABILITIES
    }

    private final Input input;
    private final Reduction reduction;
    private INDArray gradient;
    private INDArray scratch;

    /** On probabilities, this library's convention. */
    public KLDivergence() {
        this(Input.PROBABILITIES);
    }

    /** Averaged over the batch ({@link Reduction#BATCHMEAN}). */
    public KLDivergence(Input input) {
        this(input, Reduction.BATCHMEAN);
    }

    public KLDivergence(Input input, Reduction reduction) {
        this.input = input;
        this.reduction = reduction;
    }

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "probability distributions (rows summing to 1) of the prediction's shape");
        scratch = Buffers.like(scratch, prediction);
        double targetTimesLogTarget = Probabilities.sumTargetTimesLog(target, target, scratch);
        double targetTimesLogPrediction = input == Input.LOG_PROBABILITIES
                ? scratch.assign(target).muli(prediction).sumNumber().doubleValue()
                : Probabilities.sumTargetTimesLog(target, prediction, scratch);
        return (targetTimesLogTarget - targetTimesLogPrediction) * reduction.factor(prediction);
    }

    /** t·(log t − log z) per element, 0 where t = 0. */
    @Override
    public INDArray terms(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "probability distributions (rows summing to 1) of the prediction's shape");
        INDArray logPrediction = input == Input.LOG_PROBABILITIES ? prediction
                : Probabilities.safeLog(prediction, prediction.ulike());
        INDArray logTarget = Probabilities.safeLog(target, target.ulike());
        return logTarget.subi(logPrediction).muli(target);
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "probability distributions (rows summing to 1) of the prediction's shape");
        gradient = Buffers.like(gradient, prediction);
        if (input == Input.LOG_PROBABILITIES) {
            return gradient.assign(target).muli(-reduction.factor(prediction));
        }
        return Probabilities.floor(prediction, gradient).rdivi(target).muli(-reduction.factor(prediction));
    }
}
