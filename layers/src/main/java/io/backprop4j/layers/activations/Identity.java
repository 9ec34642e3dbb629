package io.backprop4j.layers.activations;

import org.nd4j.linalg.api.ndarray.INDArray;

/** f(s) = s, f'(s) = 1: the output of a regression network. */
public final class Identity extends Activation {

    @Override
    protected void apply(INDArray s, INDArray f) {
        f.assign(s);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        gradIn.assign(gradOut);
    }
}
