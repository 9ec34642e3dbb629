package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Kullback–Leibler divergence of the prediction from the target t, J = (1/B) Σ t·log(t/z) with 0·log 0 = 0.
 * The prediction is probabilities z by default, ∂J/∂z = −t / (B·z); with {@link Input#LOG_PROBABILITIES} it is
 * log z, as PyTorch's {@code kl_div(input, target, reduction="batchmean")} takes it: J = (1/B) Σ t·(log t − log z),
 * ∂J/∂log z = −t/B. Cross-entropy = entropy(t) + KL(t‖z).
 */
public final class KLDivergence implements Loss {

    /** What the prediction holds. */
    public enum Input {
        PROBABILITIES, LOG_PROBABILITIES
    }

    private final Input input;
    private INDArray gradient;
    private INDArray scratch;

    /** On probabilities, this library's convention. */
    public KLDivergence() {
        this(Input.PROBABILITIES);
    }

    public KLDivergence(Input input) {
        this.input = input;
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
        return (targetTimesLogTarget - targetTimesLogPrediction) / prediction.size(0);
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "probability distributions (rows summing to 1) of the prediction's shape");
        gradient = Buffers.like(gradient, prediction);
        if (input == Input.LOG_PROBABILITIES) {
            return gradient.assign(target).divi(-prediction.size(0));
        }
        return Probabilities.floor(prediction, gradient).rdivi(target).divi(-prediction.size(0));
    }
}
