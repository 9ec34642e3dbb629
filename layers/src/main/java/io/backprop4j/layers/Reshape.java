package io.backprop4j.layers;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reshapes each example (Keras's {@code Reshape}): {@code [N, d₁ … dₖ] → [N, shape…]} in row-major order,
 * e.g. {@code Reshape(1, 28, 28)} turns rows of 784 pixels into one-channel images. Backward reshapes the
 * gradient back. Nothing is copied when the array is already row-major.
 */
public final class Reshape implements Layer, OnnxExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Reshape", Reshape.class, Reshape::fromConfig);

    private final long[] shape;
    private long[] inputShape;
    private final RowMajor rowMajor = new RowMajor();

    public Reshape(long... shape) {
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("Reshape: sizes must be positive, got " + Arrays.toString(shape));
        }
        this.shape = shape.clone();
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long perExample = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (x.rank() < 2 || x.length() != x.size(0) * perExample) {
            throw new IllegalArgumentException(name() + ": input has shape " + Arrays.toString(x.shape()) + ", whose "
                    + "examples do not hold " + perExample + " values each");
        }
        inputShape = x.shape();
        long[] target = new long[shape.length + 1];
        target[0] = x.size(0);
        System.arraycopy(shape, 0, target, 1, shape.length);
        return rowMajor.of(x).reshape('c', target);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (inputShape == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        return rowMajor.of(gradOut).reshape('c', inputShape);
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Reshape fromConfig(LayerConfig c) {
        return new Reshape(c.sizes("shape"));
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("shape", Arrays.stream(shape).boxed().toList());
    }

    @Override
    public String name() {
        return "Reshape" + Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    /** {@code Reshape(x, [0, shape…])}: 0 keeps the batch size. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        long[] target = new long[shape.length + 1];
        System.arraycopy(shape, 0, target, 1, shape.length);
        onnx.rank(target.length);
        return onnx.node("Reshape", x, onnx.longs("shape", target));
    }
}
