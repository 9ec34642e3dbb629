package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Symmetric cross-entropy J = −(1/B) Σ (t·log z + z·log t), the sum of cross-entropy and reverse
 * cross-entropy; ∂J/∂z = −(t/z + log t)/B. Logs and divisions use max(·, ε), so one-hot targets give
 * log 0 ≈ log ε instead of −∞.
 */
public final class SymmetricCrossEntropy implements Loss {

    private INDArray gradient;
    private INDArray scratch;

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        scratch = Buffers.like(scratch, prediction);
        double forward = Probabilities.sumTargetTimesLog(target, prediction, scratch);
        double reverse = Probabilities.sumTargetTimesLog(prediction, target, scratch);
        return -(forward + reverse) / prediction.size(0);
    }

    /** −Σ_k (t_k log z_k + z_k log t_k) per example, {@code [B]}. */
    @Override
    public INDArray terms(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        INDArray forward = Probabilities.safeLog(prediction, prediction.ulike()).muli(target);
        INDArray reverse = Probabilities.safeLog(target, target.ulike()).muli(prediction);
        return forward.addi(reverse).sum(1).negi();
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        gradient = Buffers.like(gradient, prediction);
        scratch = Buffers.like(scratch, prediction);
        Probabilities.floor(prediction, gradient).rdivi(target);
        return gradient.addi(Probabilities.safeLog(target, scratch)).divi(-prediction.size(0));
    }
}
