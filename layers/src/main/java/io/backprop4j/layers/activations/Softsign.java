package io.backprop4j.layers.activations;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.LayerType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** f(s) = s / (1 + |s|); f'(s) = 1/(1 + |s|)² = (1 − |f|)² from the cached output. */
public final class Softsign extends Activation {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Softsign", Softsign.class, Softsign::new);

    @Override
    protected void apply(INDArray s, INDArray f) {
        Kernels.abs(s, f).addi(1.0).rdivi(s);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray oneMinus = Kernels.abs(f, gradIn).rsubi(1.0);
        oneMinus.muli(oneMinus).muli(gradOut);
    }

    @Override
    protected String onnxOperator() {
        return "Softsign";
    }
}
