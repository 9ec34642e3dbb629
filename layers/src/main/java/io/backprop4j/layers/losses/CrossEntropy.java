package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy on probabilities, J = −r Σ_b Σ_k t_k log z_k; ∂J/∂z = −r·t/z, r = 1/B by default (the mean
 * over the examples; a {@link Reduction} sets it). Logs and divisions use max(z, ε). Given outputs of a softmax,
 * prefer the fused {@link SoftmaxCrossEntropy} on logits.
 */
public final class CrossEntropy implements Loss {

    private final Reduction reduction;

    private INDArray gradient;
    private INDArray scratch;

    /** The mean over the batch. */
    public CrossEntropy() {
        this(Reduction.MEAN);
    }

    public CrossEntropy(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        scratch = Buffers.like(scratch, prediction);
        return -Probabilities.sumTargetTimesLog(target, prediction, scratch) * factor(prediction);
    }

    /** −Σ_k t_k log z_k per example, {@code [B]}. */
    @Override
    public INDArray terms(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        return Probabilities.safeLog(prediction, prediction.ulike()).muli(target).sum(1).negi();
    }

    private double factor(INDArray prediction) {
        return reduction.factor(prediction.size(0), prediction.size(0));
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        gradient = Buffers.like(gradient, prediction);
        return Probabilities.floor(prediction, gradient).rdivi(target).muli(-factor(prediction));
    }
}
