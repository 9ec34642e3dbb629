package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The smooth ReLU, PyTorch's {@code Softplus(beta, threshold)}: f(s) = log(1 + e^{βs})/β, computed as
 * (max(βs, 0) + log1p(e^−|βs|))/β so it never overflows, and f(s) = s where βs &gt; threshold; f'(s) = σ(βs) (1
 * above the threshold). β = 1 and threshold 20 by default, as in PyTorch.
 */
public final class Softplus extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Softplus", Softplus.class, Softplus::fromConfig);

    private final double beta;
    private final double threshold;

    public Softplus() {
        this(1, 20);
    }

    public Softplus(double beta, double threshold) {
        if (!(beta > 0 && beta < Double.POSITIVE_INFINITY) || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("Softplus: β must be positive and finite and the threshold a number, "
                    + "got " + beta + ", " + threshold);
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    protected void apply(INDArray s, INDArray f) {
        INDArray scaled = scratch(1, s).assign(s).muli(beta);
        Kernels.softplus(scaled, f, scratch(0, s)).divi(beta);
        INDArray linear = scaled.gt(threshold).castTo(s.dataType());
        f.addi(s.sub(f).muli(linear));
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray scaled = scratch(1, s).assign(s).muli(beta);
        INDArray linear = scaled.gt(threshold).castTo(s.dataType());
        Kernels.sigmoid(scaled, gradIn);
        gradIn.addi(linear.muli(gradIn.rsub(1.0))).muli(gradOut);
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Softplus fromConfig(LayerConfig c) {
        return c.has("beta") ? new Softplus(c.real("beta"), c.real("threshold")) : new Softplus();
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("beta", beta, "threshold", threshold);
    }

    @Override
    public String name() {
        return beta == 1 && threshold == 20 ? "Softplus" : "Softplus(β=" + beta + ", threshold=" + threshold + ")";
    }

    /** {@code Softplus(x)}, or with β ≠ 1 {@code Softplus(βx)/β}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        if (beta == 1) {
            return onnx.node("Softplus", x);
        }
        return onnx.node("Div", onnx.node("Softplus", onnx.node("Mul", x, onnx.scalar(beta))), onnx.scalar(beta));
    }
}
