package io.backprop4j.layers;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Shapes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fixed input scaling, Keras's {@code Normalization} layer: {@code y = (x − μ) / s} per feature, with
 * {@code ∂J/∂x = (∂J/∂y) / s}. μ and s are fitted once to the training features ({@link #standardizing} or
 * {@link #rescaling}) and are buffers, not parameters: they are saved in the model file, so {@code predict},
 * {@code evaluate} and a reloaded model scale new data exactly as the training data was scaled.
 */
public final class Normalization implements Layer, OnnxExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Normalization", Normalization.class, Normalization::fromConfig);

    private final int features;
    private final INDArray mean;
    private final INDArray scale;
    private INDArray output;
    private INDArray gradInput;

    /** The identity (μ = 0, s = 1) on rows of {@code features} values, until a file's buffers are loaded into it. */
    public Normalization(int features, DataType dataType) {
        this(Nd4j.zeros(dataType, 1, features), Nd4j.ones(dataType, 1, features));
    }

    private Normalization(INDArray mean, INDArray scale) {
        this.features = (int) mean.columns();
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Zero mean and unit variance per feature of {@code x [n, features]}: μ the column means, s the column
     * standard deviations (population), 1 where a column is constant.
     */
    public static Normalization standardizing(INDArray x) {
        INDArray columns = x.reshape(x.size(0), -1);
        INDArray std = columns.std(false, 0).reshape(1, columns.columns());
        INDArray constant = std.eq(0).castTo(std.dataType());
        return new Normalization(columns.mean(0).reshape(1, columns.columns()), std.addi(constant));
    }

    /** One scale for all features, the largest |x| of {@code x} (1 if x is all zeros): pixels 0…255 become 0…1. */
    public static Normalization rescaling(INDArray x) {
        double largest = x.amaxNumber().doubleValue();
        long columns = x.length() / x.size(0);
        return new Normalization(Nd4j.zeros(x.dataType(), 1, columns),
                Nd4j.valueArrayOf(new long[] {1, columns}, largest == 0 ? 1 : largest, x.dataType()));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        Shapes.requireMatrix(name(), "input", x, features);
        Shapes.requireDataType(name(), x, mean.dataType());
        output = Buffers.like(output, x).assign(x).subiRowVector(mean).diviRowVector(scale);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        Shapes.requireSameShape(name(), "gradient ∂J/∂y", gradOut, "its output", output);
        gradInput = Buffers.like(gradInput, gradOut).assign(gradOut).diviRowVector(scale);
        return gradInput;
    }

    @Override
    public Map<String, INDArray> buffers() {
        Map<String, INDArray> named = new LinkedHashMap<>();
        named.put("mean", mean);
        named.put("scale", scale);
        return named;
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Normalization fromConfig(LayerConfig c) {
        return new Normalization(c.integer("features"), c.dataType());
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("features", features);
    }

    @Override
    public String name() {
        return "Normalization(" + features + ")";
    }

    /** {@code Div(Sub(x, mean), scale)}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Div", onnx.node("Sub", x, onnx.constant("mean", mean)), onnx.constant("scale", scale));
    }
}
