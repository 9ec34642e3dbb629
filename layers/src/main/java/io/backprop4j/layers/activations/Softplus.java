package io.backprop4j.layers.activations;

import io.backprop4j.core.Elementwise;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The smooth ReLU f(s) = log(1 + e^s), computed as max(s, 0) + log1p(e^−|s|) so it never overflows;
 * f'(s) = σ(s).
 */
public final class Softplus extends Activation {

    @Override
    protected void apply(INDArray s, INDArray f) {
        Elementwise.softplus(s, f, scratch(0, s));
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        Elementwise.sigmoid(s, gradIn).muli(gradOut);
    }
}
