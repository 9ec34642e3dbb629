package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * f(s) = s if s ≥ 0 else αs, computed as max(s, 0) + α·min(s, 0); f'(s) = 1 if s &gt; 0 else α.
 * α = 0.01 by default, as in PyTorch.
 */
public final class LeakyReLU extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("LeakyReLU", LeakyReLU.class, LeakyReLU::fromConfig);

    private final double alpha;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LeakyReLU: the negative slope α must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static LeakyReLU fromConfig(LayerConfig c) {
        return new LeakyReLU(c.real("alpha"));
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("alpha", alpha);
    }

    public double alpha() {
        return alpha;
    }

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.negativePart(s, f).muli(alpha).addi(Kernels.reluKeepingNaN(s, scratch(0, s)));
    }

    /** f'(s) = α + (1 − α)·[s &gt; 0]. */
    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray positive = Kernels.sign(Kernels.reluKeepingNaN(s, gradIn), gradIn);
        positive.muli(1.0 - alpha).addi(alpha).muli(gradOut);
    }

    @Override
    public String name() {
        return "LeakyReLU(α=" + alpha + ")";
    }

    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("LeakyRelu", Map.of("alpha", alpha), x);
    }
}
