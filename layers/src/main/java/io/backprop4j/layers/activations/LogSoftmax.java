package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import io.backprop4j.layers.ProbabilityOutput;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Row-wise log-softmax f_k = s_k − log Σ_i e^{s_i} (by log-sum-exp, stable for any spread), the output
 * layer of the PyTorch MNIST example, paired with {@code NegativeLogLikelihood}.
 * {@code ∂J/∂s = ∂J/∂f − e^f · Σ_k (∂J/∂f)_k}.
 */
public final class LogSoftmax extends Activation implements ProbabilityOutput {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("LogSoftmax", LogSoftmax.class, LogSoftmax::new);

    /** e^output. */
    @Override
    public INDArray probabilities(INDArray output) {
        return Transforms.exp(output, false);
    }

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.logSoftmax(s, f);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray total = gradOut.sum(true, 1);
        Kernels.exp(f, gradIn).muliColumnVector(total).rsubi(gradOut);
    }

    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("LogSoftmax", Map.of("axis", -1), x);
    }
}
