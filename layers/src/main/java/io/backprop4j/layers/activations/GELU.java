package io.backprop4j.layers.activations;

import io.backprop4j.core.Elementwise;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Gaussian error linear unit. Exact (PyTorch's default): f(s) = s·Φ(s) with Φ(s) = ½(1 + erf(s/√2));
 * f'(s) = Φ(s) + s·φ(s), φ(s) = e^{−s²/2}/√(2π). With the tanh approximation (PyTorch's
 * {@code approximate="tanh"}): f(s) = ½s(1 + t), t = tanh(k(s + 0.044715 s³)), k = √(2/π);
 * f'(s) = ½(1 + t) + ½s(1 − t²)·k(1 + 3·0.044715 s²).
 */
public final class GELU extends Activation {

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double K = Math.sqrt(2.0 / Math.PI);
    private static final double C = 0.044715;

    private final boolean tanhApproximation;

    /** The exact GELU. */
    public GELU() {
        this(false);
    }

    public GELU(boolean tanhApproximation) {
        this.tanhApproximation = tanhApproximation;
    }

    @Override
    protected void apply(INDArray s, INDArray f) {
        if (tanhApproximation) {
            tanhOfInner(s, f).addi(1.0).muli(s).muli(0.5);
        } else {
            cdf(s, f).muli(s);
        }
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        if (tanhApproximation) {
            INDArray t = tanhOfInner(s, scratch(0, s));
            INDArray slope = scratch(1, s).assign(s).muli(s).muli(3 * C).addi(1.0).muli(K);
            slope.muli(t.mul(t).rsubi(1.0)).muli(s).muli(0.5);
            gradIn.assign(t).addi(1.0).muli(0.5).addi(slope).muli(gradOut);
            return;
        }
        INDArray density = scratch(0, s);
        Elementwise.exp(s.mul(s, density).muli(-0.5), density).muli(INV_SQRT_2PI).muli(s);
        cdf(s, gradIn).addi(density).muli(gradOut);
    }

    /** z = tanh(k(s + 0.044715 s³)). */
    private static INDArray tanhOfInner(INDArray s, INDArray z) {
        z.assign(s).muli(s).muli(s).muli(C).addi(s).muli(K);
        return Elementwise.tanh(z, z);
    }

    /** z = Φ(s) = ½(1 + erf(s/√2)). */
    private static INDArray cdf(INDArray s, INDArray z) {
        return Elementwise.erf(s.mul(INV_SQRT2, z), z).addi(1.0).muli(0.5);
    }

    @Override
    public Map<String, Object> config() {
        return tanhApproximation ? Map.of("approximate", "tanh") : Map.of();
    }

    @Override
    public String name() {
        return tanhApproximation ? "GELU(tanh)" : "GELU";
    }
}
