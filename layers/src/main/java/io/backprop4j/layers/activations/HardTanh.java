package io.backprop4j.layers.activations;

import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * f(s) = min(max(s, −1), 1), exactly s inside (no rounding) and NaN kept; f'(s) = 1 on (−1, 1) and 0 outside,
 * read off the input as PyTorch's {@code hardtanh_backward} does (so one ulp inside a kink still passes 1).
 */
public final class HardTanh extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("HardTanh", HardTanh.class, HardTanh::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        BooleanIndexing.replaceWhere(f.assign(s), 1.0, Conditions.greaterThan(1.0));
        BooleanIndexing.replaceWhere(f, -1.0, Conditions.lessThan(-1.0));
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        gradIn.assign(Transforms.abs(s, true).lt(1.0).castTo(gradOut.dataType())).muli(gradOut);
    }

    /** {@code Clip(x, −1, 1)}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Clip", x, onnx.scalar(-1), onnx.scalar(1));
    }
}
