package io.backprop4j.layers.activations;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import io.backprop4j.layers.TorchExportable;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parametric ReLU f(s) = max(s, 0) + α·min(s, 0) with a learned slope α, one per feature
 * ({@code [1, features]}, inputs {@code [batch, features]}, or images {@code [batch, features, height, width]} with
 * one α per channel, as after a convolution in PyTorch) or one shared by all ({@code [1, 1]}).
 * f'(s) = 1 if s &gt; 0 else α, and ∂f/∂α = min(s, 0), so {@code ∂J/∂α = Σ_rows ∂J/∂f ⊙ min(s, 0)}.
 * α starts at 0.25, as in PyTorch.
 */
public final class PReLU extends Activation implements TorchExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("PReLU", PReLU.class, PReLU::fromConfig);

    public static final double INITIAL_ALPHA = 0.25;

    private final Parameter alpha;
    private final boolean shared;

    /** One α shared by every input, float32. */
    public PReLU() {
        this(0, DataType.FLOAT);
    }

    /** One α per feature, float32. */
    public PReLU(int features) {
        this(features, DataType.FLOAT);
    }

    /** One α per feature, or one shared α when {@code features} is 0. */
    public PReLU(int features, DataType dataType) {
        this.shared = features == 0;
        this.alpha = Parameter.of("alpha", Nd4j.valueArrayOf(new long[] {1, shared ? 1 : features},
                INITIAL_ALPHA, dataType));
    }

    @Override
    public void initialize(Rng rng) {
        alpha.value().assign(INITIAL_ALPHA);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(alpha);
    }

    @Override
    protected void apply(INDArray s, INDArray f) {
        Shapes.requireDataType(name(), s, alpha.value().dataType());
        if (!shared && s.rank() == 4) {
            Shapes.requireImages(name(), "input", s, alpha.value().columns());
        } else if (!shared) {
            Shapes.requireMatrix(name(), "input", s, alpha.value().columns());
        }
        scaleByAlpha(Kernels.negativePart(s, f)).addi(Kernels.reluKeepingNaN(s, scratch(0, s)));
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray slopeTimesGrad = Kernels.negativePart(s, scratch(0, s)).muli(gradOut);
        alpha.gradient().addi(alphaGradient(slopeTimesGrad));
        INDArray positive = Kernels.sign(Kernels.reluKeepingNaN(s, gradIn), gradIn);
        INDArray negative = scaleByAlpha(positive.rsub(1.0, scratch(1, s)));
        positive.addi(negative).muli(gradOut);
    }

    /** ∂J/∂α: Σ min(s, 0)·∂J/∂f over everything a slope multiplies (all, each column, or each channel). */
    private INDArray alphaGradient(INDArray slopeTimesGrad) {
        if (shared) {
            return Nd4j.valueArrayOf(new long[] {1, 1}, slopeTimesGrad.sumNumber().doubleValue(),
                    slopeTimesGrad.dataType());
        }
        return slopeTimesGrad.rank() == 4 ? slopeTimesGrad.sum(0, 2, 3).reshape(1, alpha.value().columns())
                : slopeTimesGrad.sum(true, 0);
    }

    /** x·α: one α for all, one per column of a matrix, or one per channel of images (NCHW), as PyTorch's PReLU. */
    private INDArray scaleByAlpha(INDArray x) {
        if (shared) {
            return x.muli(alpha.value().getDouble(0));
        }
        if (x.rank() == 4) {
            return Nd4j.exec(new BroadcastMulOp(x, alpha.value().reshape(alpha.value().columns()), x, 1));
        }
        return x.muliRowVector(alpha.value());
    }

    /** {@code features}: the number of slopes α, or 0 for one shared slope. */

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static PReLU fromConfig(LayerConfig c) {
        return new PReLU(c.integer("features"), c.dataType());
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("features", shared ? 0 : (int) alpha.value().columns());
    }

    @Override
    public String name() {
        return shared ? "PReLU(shared)" : "PReLU(" + alpha.value().columns() + ")";
    }

    /** {@code PRelu(x, slope)}: one slope, or one per channel shaped {@code [C, 1, 1]} for images. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        INDArray a = alpha.value();
        INDArray slope = a.length() == 1 || onnx.rank() != 4 ? a.reshape(a.length()) : a.reshape(a.length(), 1, 1);
        return onnx.node("PRelu", x, onnx.constant("slope", slope));
    }

    /** {@code nn.PReLU}'s {@code weight [C]} (or {@code [1]} when shared). */
    @Override
    public Map<String, INDArray> torchState() {
        return Map.of("weight", alpha.value().reshape(alpha.value().length()));
    }

    @Override
    public void loadTorchState(Map<String, INDArray> state) {
        alpha.value().assign(state.get("weight").reshape(alpha.value().shape()));
    }
}
