package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import io.backprop4j.layers.ProbabilityOutput;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Row-wise softmax f_k = e^{s_k − m} / Σ_i e^{s_i − m} with m the row maximum (so no exponential
 * overflows). Its Jacobian is diag(f) − f·fᵀ, applied without forming it:
 * {@code ∂J/∂s = f ⊙ (∂J/∂f − Σ_k (∂J/∂f)_k f_k)}. For classification prefer the fused
 * {@code SoftmaxCrossEntropy} loss on the logits.
 */
public final class Softmax extends Activation implements ProbabilityOutput {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Softmax", Softmax.class, Softmax::new);

    /** The softmax output is the probabilities themselves. */
    @Override
    public INDArray probabilities(INDArray output) {
        return output;
    }

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.softmax(s, f);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray weighted = gradOut.mul(f, gradIn).sum(true, 1);
        gradIn.assign(gradOut).subiColumnVector(weighted).muli(f);
    }

    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Softmax", Map.of("axis", -1), x);
    }
}
