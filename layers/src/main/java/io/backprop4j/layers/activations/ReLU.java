package io.backprop4j.layers.activations;

import io.backprop4j.core.Elementwise;
import org.nd4j.linalg.api.ndarray.INDArray;

/** f(s) = max(0, s), f'(s) = 1 if s &gt; 0 else 0, read off the cached output as [f &gt; 0]. */
public final class ReLU extends Activation {

    @Override
    protected void apply(INDArray s, INDArray f) {
        Elementwise.relu(s, f);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        Elementwise.reluGradient(f, gradOut, gradIn);
    }
}
