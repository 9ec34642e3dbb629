package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * The perceptron's threshold unit: f(s) = 1 if s ≥ 0 else −1 (NaN stays NaN); f'(s) = 0 almost everywhere, so no
 * gradient flows through it (it is trained by the perceptron rule, not by backpropagation).
 */
public final class Sign extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Sign", Sign.class, Sign::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.sign(s, f);
        BooleanIndexing.replaceWhere(f, 1.0, Conditions.equals(0));
        f.assign(f.putWhereWithMask(s.isNaN(), Double.NaN));
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        gradIn.assign(0);
    }

    @Override
    protected String onnxOperator() {
        return "Sign";
    }
}
