package io.backprop4j.layers.activations;

import io.backprop4j.core.Elementwise;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Gaussian error linear unit in its exact form (PyTorch's default, not the tanh approximation):
 * f(s) = s·Φ(s) with Φ(s) = ½(1 + erf(s/√2)); f'(s) = Φ(s) + s·φ(s), φ(s) = e^{−s²/2}/√(2π).
 */
public final class GELU extends Activation {

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    @Override
    protected void apply(INDArray s, INDArray f) {
        cdf(s, f).muli(s);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray density = scratch(0, s);
        Elementwise.exp(s.mul(s, density).muli(-0.5), density).muli(INV_SQRT_2PI).muli(s);
        cdf(s, gradIn).addi(density).muli(gradOut);
    }

    /** z = Φ(s) = ½(1 + erf(s/√2)). */
    private static INDArray cdf(INDArray s, INDArray z) {
        return Elementwise.erf(s.mul(INV_SQRT2, z), z).addi(1.0).muli(0.5);
    }
}
