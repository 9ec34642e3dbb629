package io.backprop4j.layers.activations;

import io.backprop4j.core.Elementwise;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * f(s) = max(0, s), f'(s) = 1 if s &gt; 0 else 0, read off the cached output as [f &gt; 0]. NaN stays NaN, as in
 * PyTorch, in inference; training uses oneDNN's float32 kernel, which maps NaN to 0, and a NaN there could only
 * come from non-finite data or parameters, which the Trainer refuses.
 */
public final class ReLU extends Activation {

    @Override
    protected void apply(INDArray s, INDArray f) {
        Elementwise.relu(s, f);
    }

    @Override
    protected void applyInInference(INDArray s, INDArray f) {
        Elementwise.reluKeepingNaN(s, f);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        Elementwise.reluGradient(f, gradOut, gradIn);
    }
}
