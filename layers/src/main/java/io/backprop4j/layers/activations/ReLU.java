package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * f(s) = max(0, s), f'(s) = 1 if s &gt; 0 else 0, read off the cached output as [f &gt; 0]. NaN stays NaN, as in
 * PyTorch: oneDNN's float32 kernel maps NaN to 0, so when Σ|s| (one BLAS sum) is not finite the NaN-keeping
 * kernel computes f again.
 */
public final class ReLU extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("ReLU", ReLU.class, ReLU::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.relu(s, f);
        if (!Double.isFinite(Kernels.absoluteSum(s))) {
            Kernels.reluKeepingNaN(s, f);
        }
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        Kernels.reluGradient(f, gradOut, gradIn);
    }

    @Override
    protected String onnxOperator() {
        return "Relu";
    }
}
