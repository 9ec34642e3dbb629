package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exponential linear unit, scaled: f(s) = λ·s if s &gt; 0 else λ·α(e^s − 1), computed as
 * λ·(max(s, 0) + α(e^{min(s,0)} − 1)) so the exponential never overflows. f'(s) = λ if s &gt; 0 else
 * λα·e^s. Plain ELU has λ = 1 and α = 1 by default; {@link SELU} fixes both.
 */
public class ELU extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("ELU", ELU.class, ELU::fromConfig);

    private final double alpha;
    private final double scale;

    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        this(alpha, 1.0);
    }

    protected ELU(double alpha, double scale) {
        if (!(alpha >= 0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": α must be finite and not negative, got "
                    + alpha);
        }
        this.alpha = alpha;
        this.scale = scale;
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static ELU fromConfig(LayerConfig c) {
        return new ELU(c.real("alpha"));
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
        Kernels.exp(Kernels.negativePart(s, f), f).subi(1.0).muli(alpha);
        f.addi(Kernels.reluKeepingNaN(s, scratch(0, s))).muli(scale);
    }

    /** f'(s) = λ(α·e^{min(s,0)} + (1 − α)·[s &gt; 0]): equal to λ for s &gt; 0 and λα·e^s below. */
    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray positive = Kernels.sign(Kernels.reluKeepingNaN(s, scratch(0, s)), scratch(0, s));
        Kernels.exp(Kernels.negativePart(s, gradIn), gradIn).muli(alpha);
        gradIn.addi(positive.muli(1.0 - alpha)).muli(scale).muli(gradOut);
    }

    @Override
    public String name() {
        return getClass().getSimpleName() + "(α=" + alpha + (scale == 1.0 ? "" : ", λ=" + scale) + ")";
    }

    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Elu", Map.of("alpha", alpha), x);
    }
}
