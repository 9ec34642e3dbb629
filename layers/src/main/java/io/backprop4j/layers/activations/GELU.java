package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Gaussian error linear unit. Exact (PyTorch's default): f(s) = s·Φ(s) with Φ(s) = ½(1 + erf(s/√2));
 * f'(s) = Φ(s) + s·φ(s), φ(s) = e^{−s²/2}/√(2π). With the tanh approximation (PyTorch's
 * {@code approximate="tanh"}): f(s) = ½s(1 + tanh u), u = k(s + 0.044715 s³), k = √(2/π), computed as
 * f(s) = s·σ(2u) (the same function, since ½(1 + tanh u) = σ(2u), without the cancellation of 1 + tanh u for
 * s ≪ 0); f'(s) = σ(2u) + 2s·σ(2u)σ(−2u)·k(1 + 3·0.044715 s²), with σ(−2u) for 1 − σ(2u), which would cancel
 * for s ≫ 0.
 */
public final class GELU extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("GELU", GELU.class, GELU::fromConfig);

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
            sigmoidOfInner(s, f, 1).muli(s);
        } else {
            cdf(s, f).muli(s);
        }
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        if (tanhApproximation) {
            INDArray p = sigmoidOfInner(s, scratch(0, s), 1);
            INDArray slope = sigmoidOfInner(s, scratch(1, s), -1).muli(p).muli(s).muli(2 * K);
            slope.muli(s.mul(s).muli(3 * C).addi(1.0));
            gradIn.assign(p).addi(slope).muli(gradOut);
            return;
        }
        INDArray density = scratch(0, s);
        Kernels.exp(s.mul(s, density).muli(-0.5), density).muli(INV_SQRT_2PI).muli(s);
        cdf(s, gradIn).addi(density).muli(gradOut);
    }

    /** z = σ(±2u), u = k(s + 0.044715 s³), with {@code sign} ±1. */
    private static INDArray sigmoidOfInner(INDArray s, INDArray z, int sign) {
        z.assign(s).muli(s).muli(s).muli(C).addi(s).muli(sign * 2 * K);
        return Kernels.sigmoid(z, z);
    }

    /** z = Φ(s) = ½(1 + erf(s/√2)). */
    private static INDArray cdf(INDArray s, INDArray z) {
        return Kernels.erf(s.mul(INV_SQRT2, z), z).addi(1.0).muli(0.5);
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static GELU fromConfig(LayerConfig c) {
        return new GELU(c.has("approximate") && c.text("approximate").equals("tanh"));
    }

    @Override
    public Map<String, Object> config() {
        return tanhApproximation ? Map.of("approximate", "tanh") : Map.of();
    }

    @Override
    public String name() {
        return tanhApproximation ? "GELU(tanh)" : "GELU";
    }

    /** ONNX's {@code Gelu}, exact or with {@code approximate = "tanh"}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Gelu", Map.of("approximate", tanhApproximation ? "tanh" : "none"), x);
    }
}
