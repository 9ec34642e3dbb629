package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/** J = (1/B) Σ_b ½‖t_b − z_b‖², the textbook squared error; ∂J/∂z = (z − t)/B. */
public final class SquaredError implements Loss {

    private INDArray gradient;

    @Override
    public double value(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        return 0.5 * Math.pow(prediction.distance2(target), 2) / prediction.size(0);
    }

    /** ½(z − t)² per element. */
    @Override
    public INDArray terms(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        INDArray difference = prediction.sub(target);
        return difference.muli(difference).muli(0.5);
    }

    @Override
    public INDArray gradient(INDArray prediction, INDArray target) {
        Shapes.requireTargetShape(name(), "prediction", prediction, target,
                "regression targets of the prediction's shape");
        gradient = Buffers.like(gradient, prediction);
        return prediction.sub(target, gradient).divi(prediction.size(0));
    }
}
