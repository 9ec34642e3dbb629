package io.backprop4j.layers;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flattens each example (PyTorch's {@code nn.Flatten}): {@code [N, d₁ … dₖ] → [N, d₁·…·dₖ]} in row-major
 * order, so a convolutional stack feeds a {@link Dense} layer. Backward restores the input's shape.
 * Nothing is copied when the array is already row-major.
 */
public final class Flatten implements Layer, OnnxExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Flatten", Flatten.class, Flatten::new);

    private long[] inputShape;
    private final RowMajor rowMajor = new RowMajor();

    @Override
    public INDArray forward(INDArray x, boolean training) {
        inputShape = x.shape();
        return rowMajor.of(x).reshape('c', x.size(0), x.length() / x.size(0));
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (inputShape == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        return rowMajor.of(gradOut).reshape('c', inputShape);
    }

    /** {@code Flatten(x)} along axis 1. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        onnx.rank(2);
        return onnx.node("Flatten", Map.of("axis", 1), x);
    }
}
