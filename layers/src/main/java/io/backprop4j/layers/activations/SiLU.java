package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The sigmoid-weighted linear unit (swish): f(s) = s·σ(s); f'(s) = σ(s) + f·(1 − σ(s)). */
public final class SiLU extends Activation {

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.sigmoid(s, f).muli(s);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray sigma = Kernels.sigmoid(s, scratch(0, s));
        sigma.rsub(1.0, gradIn).muli(f).addi(sigma).muli(gradOut);
    }
}
