package io.backprop4j.layers;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.MemoryLimit;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.WeightInit;
import io.backprop4j.core.kernels.Kernels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer: {@code Z = X·W + b} with {@code X: [batch, in]}, {@code W: [in, out]},
 * {@code b: [1, out]}. Backward, with {@code δ = ∂J/∂Z}: {@code ∂J/∂W = Xᵀ·δ}, {@code ∂J/∂b = 1ᵀ·δ}
 * (the column sums of δ), {@code ∂J/∂X = δ·Wᵀ}. Every step is a {@link Kernels#gemm} into a preallocated array,
 * the bias included: forward is {@code Z ← 1·b} (a rank-1 product with a column of ones) then
 * {@code Z ← Z + X·W}.
 *
 * <p>Initialization: weights from a {@link WeightInit} (Glorot-uniform by default, as in Keras; pass
 * {@code HE_NORMAL} for ReLU networks), bias zero.
 */
public final class Dense implements Layer, OnnxExportable, TorchExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Dense", Dense.class, Dense::fromConfig);

    private final int in;
    private final int out;
    private final WeightInit init;
    private final Parameter weights;
    private final Parameter bias;
    private final String name;

    private INDArray input;
    private INDArray output;
    private INDArray gradInput;
    private INDArray ones;

    /** A float32 layer with Glorot-uniform weights drawn from {@link Rng#global()}. */
    public Dense(int in, int out) {
        this(in, out, WeightInit.XAVIER_UNIFORM);
    }

    public Dense(int in, int out, WeightInit init) {
        this(in, out, init, DataType.FLOAT);
    }

    public Dense(int in, int out, WeightInit init, DataType dataType) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Dense: sizes must be positive, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.init = init;
        this.name = "Dense(" + in + "→" + out + ")";
        MemoryLimit.requireFits(name, "its weights and their gradients", 2.0 * in * out, dataType.width());
        this.weights = Parameter.lazilyZeroed("weights", Nd4j.zeros(dataType, in, out));
        this.bias = Parameter.lazilyZeroed("bias", Nd4j.zeros(dataType, 1, out));
        initialize(Rng.global());
    }

    @Override
    public void initialize(Rng rng) {
        weights.value().assign(init.create(in, out, weights.value().dataType(), rng, in, out));
        bias.value().assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        Shapes.requireMatrix(name(), "input", x, in);
        Shapes.requireDataType(name(), x, weights.value().dataType());
        input = x;
        output = Buffers.reuse(output, x.dataType(), 'c', x.rows(), out);
        Kernels.gemm(ones(x), bias.value(), output, false, false, 1.0, 0.0);
        Kernels.gemm(x, weights.value(), output, false, false, 1.0, 1.0);
        return output;
    }

    @Override
    public INDArray backward(INDArray delta) {
        backwardParameters(delta);
        gradInput = Buffers.reuse(gradInput, delta.dataType(), 'c', input.rows(), in);
        Kernels.gemm(delta, weights.value(), gradInput, false, true, 1.0, 0.0);
        return gradInput;
    }

    /**
     * ∂J/∂W += Xᵀ·δ and ∂J/∂b += 1ᵀ·δ, without the ∂J/∂X GEMM ({@link Parameter#addProduct}: right after a
     * zeroing the GEMMs overwrite the gradients).
     */
    @Override
    public void backwardParameters(INDArray delta) {
        if (input == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireMatrix(name(), "gradient ∂J/∂Z", delta, out);
        Shapes.requireRows(name(), "gradient ∂J/∂Z", delta, input.rows());
        weights.addProduct(input, delta, true, false);
        bias.addProduct(ones(input), delta, true, false);
    }

    /** A column of ones [batch, 1], kept for the batch size of {@code x}. */
    private INDArray ones(INDArray x) {
        INDArray column = Buffers.reuse(ones, x.dataType(), 'f', x.rows(), 1);
        if (column != ones) {
            ones = column.assign(1);
        }
        return ones;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Dense fromConfig(LayerConfig c) {
        return new Dense(c.integer("in"), c.integer("out"), c.constant("init", WeightInit.class), c.dataType());
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("in", in, "out", out, "init", init.name());
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code Gemm(x, W, b)}: ONNX's Gemm computes {@code x·W + b} with W as stored here, {@code [in, out]}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        onnx.rank(2);
        return onnx.node("Gemm", x, onnx.constant("weights", weights.value()),
                onnx.constant("bias", bias.value().reshape(out)));
    }

    /** {@code nn.Linear}'s {@code weight [out, in]} (the transpose of W) and {@code bias [out]}. */
    @Override
    public Map<String, INDArray> torchState() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put("weight", weights.value().transpose().dup('c'));
        state.put("bias", bias.value().reshape(out));
        return state;
    }

    @Override
    public void loadTorchState(Map<String, INDArray> state) {
        weights.value().assign(state.get("weight").castTo(weights.value().dataType()).transpose());
        bias.value().assign(state.get("bias").reshape(1, out));
    }
}
