package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The sigmoid-weighted linear unit (swish): f(s) = s·σ(s); f'(s) = σ(s) + f·(1 − σ(s)). */
public final class SiLU extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("SiLU", SiLU.class, SiLU::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.sigmoid(s, f).muli(s);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray sigma = Kernels.sigmoid(s, scratch(0, s));
        sigma.rsub(1.0, gradIn).muli(f).addi(sigma).muli(gradOut);
    }

    /** {@code Mul(x, Sigmoid(x))}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Mul", x, onnx.node("Sigmoid", x));
    }
}
