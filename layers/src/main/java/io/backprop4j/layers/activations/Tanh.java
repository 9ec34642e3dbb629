package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** f(s) = tanh(s) = (e^s − e^−s)/(e^s + e^−s), with f'(s) = 1 − f² from the cached output. */
public final class Tanh extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Tanh", Tanh.class, Tanh::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.tanh(s, f);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        f.mul(f, gradIn).rsubi(1.0).muli(gradOut);
    }

    @Override
    protected String onnxOperator() {
        return "Tanh";
    }
}
