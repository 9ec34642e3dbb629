package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * J = r·Σ (t − z)², PyTorch's {@code MSELoss}; ∂J/∂z = 2r·(z − t), with r the {@link Reduction}'s factor:
 * 1/(B·K) by default ({@link Reduction#MEAN}, PyTorch's default), 1 for {@link Reduction#SUM}.
 */
public final class MeanSquaredError implements Loss {

    private final Reduction reduction;
    private INDArray gradient;

    /** The mean over every element. */
    public MeanSquaredError() {
        this(Reduction.MEAN);
    }

    public MeanSquaredError(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        return Math.pow(prediction.distance2(target), 2) * reduction.factor(prediction);
    }

    /** (z − t)² per element. */
    @Override
    public INDArray terms(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        INDArray difference = prediction.sub(target);
        return difference.muli(difference);
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        gradient = Buffers.like(gradient, prediction);
        return prediction.sub(target, gradient).muli(2.0 * reduction.factor(prediction));
    }
}
