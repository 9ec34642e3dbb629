package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mish (Misra 2019): f(s) = s·tanh(softplus(s)); with t = tanh(softplus(s)),
 * f'(s) = t + s·(1 − t²)·σ(s).
 */
public final class Mish extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Mish", Mish.class, Mish::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.tanh(Kernels.softplus(s, f, scratch(0, s)), f).muli(s);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray t = Kernels.tanh(Kernels.softplus(s, scratch(1, s), scratch(0, s)), scratch(1, s));
        INDArray sigma = Kernels.sigmoid(s, scratch(0, s));
        t.mul(t, gradIn).rsubi(1.0).muli(sigma).muli(s).addi(t).muli(gradOut);
    }

    @Override
    protected String onnxOperator() {
        return "Mish";
    }
}
