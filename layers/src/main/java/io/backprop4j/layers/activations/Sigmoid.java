package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The logistic function f(s) = 1 / (1 + e^−s), with f'(s) = f(1 − f) from the cached output. */
public final class Sigmoid extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Sigmoid", Sigmoid.class, Sigmoid::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.sigmoid(s, f);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        f.rsub(1.0, gradIn).muli(f).muli(gradOut);
    }

    @Override
    protected String onnxOperator() {
        return "Sigmoid";
    }
}
