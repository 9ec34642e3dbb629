package io.backprop4j.layers.activations;

import io.backprop4j.layers.LayerType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** f(s) = s, f'(s) = 1: the output of a regression network. */
public final class Identity extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Identity", Identity.class, Identity::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        f.assign(s);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        gradIn.assign(gradOut);
    }

    @Override
    protected String onnxOperator() {
        return "Identity";
    }
}
