package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/** J = (1/(B·K)) Σ (t − z)², PyTorch's {@code MSELoss}; ∂J/∂z = 2(z − t)/(B·K). */
public final class MeanSquaredError implements Loss {

    private INDArray gradient;

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        return Math.pow(prediction.distance2(target), 2) / prediction.length();
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        gradient = Buffers.like(gradient, prediction);
        return prediction.sub(target, gradient).muli(2.0 / prediction.length());
    }
}
