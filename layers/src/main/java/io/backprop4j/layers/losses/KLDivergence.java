package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Kullback–Leibler divergence of the prediction z from the target t, J = (1/B) Σ t·log(t/z) with
 * 0·log 0 = 0; ∂J/∂z = −t / (B·z). Cross-entropy = entropy(t) + KL(t‖z).
 */
public final class KLDivergence implements Loss {

    private INDArray gradient;
    private INDArray scratch;

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "probability distributions (rows summing to 1) of the prediction's shape");
        scratch = Buffers.like(scratch, prediction);
        double targetTimesLogTarget = Probabilities.sumTargetTimesLog(target, target, scratch);
        double targetTimesLogPrediction = Probabilities.sumTargetTimesLog(target, prediction, scratch);
        return (targetTimesLogTarget - targetTimesLogPrediction) / prediction.size(0);
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "probability distributions (rows summing to 1) of the prediction's shape");
        gradient = Buffers.like(gradient, prediction);
        return Probabilities.floor(prediction, gradient).rdivi(target).divi(-prediction.size(0));
    }
}
