package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy on probabilities, J = −(1/B) Σ_b Σ_k t_k log z_k; ∂J/∂z = −t / (B·z). Logs and divisions
 * use max(z, ε). Given outputs of a softmax, prefer the fused {@link SoftmaxCrossEntropy} on logits.
 */
public final class CrossEntropy implements Loss {

    private INDArray gradient;
    private INDArray scratch;

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        scratch = Buffers.like(scratch, prediction);
        return -Probabilities.sumTargetTimesLog(target, prediction, scratch) / prediction.size(0);
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "class distributions (one-hot or soft rows) of the probabilities' shape");
        gradient = Buffers.like(gradient, prediction);
        return Probabilities.floor(prediction, gradient).rdivi(target).divi(-prediction.size(0));
    }
}
