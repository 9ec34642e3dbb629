package io.backprop4j.layers.activations;

import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * PyTorch's hard sigmoid: f(s) = min(max(s + 3, 0), 6)/6, NaN kept (s + 3 is exact near −3, so one ulp above
 * −3 gives ulp/6, not 0); f'(s) = 1/6 on (−3, 3) and 0 outside, read off the input (so one ulp inside a kink
 * still passes 1/6).
 */
public final class HardSigmoid extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("HardSigmoid", HardSigmoid.class, HardSigmoid::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        f.assign(s).addi(3.0);
        BooleanIndexing.replaceWhere(f, 6.0, Conditions.greaterThan(6.0));
        BooleanIndexing.replaceWhere(f, 0.0, Conditions.lessThan(0.0));
        f.divi(6.0);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        gradIn.assign(Transforms.abs(s, true).lt(3.0).castTo(gradOut.dataType())).muli(gradOut).divi(6.0);
    }

    /** ONNX's {@code HardSigmoid} with α = 1/6, β = 1/2: {@code clamp(x/6 + 1/2, 0, 1)}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("HardSigmoid", Map.of("alpha", 1.0 / 6, "beta", 0.5), x);
    }
}
