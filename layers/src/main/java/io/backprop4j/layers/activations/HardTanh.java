package io.backprop4j.layers.activations;

import io.backprop4j.core.Elementwise;
import org.nd4j.linalg.api.ndarray.INDArray;

/** f(s) = min(max(s, −1), 1); f'(s) = 1 on (−1, 1), read off the output as sign(1 − |f|), and 0 outside. */
public final class HardTanh extends Activation {

    @Override
    protected void apply(INDArray s, INDArray f) {
        INDArray upper = Elementwise.reluKeepingNaN(s.rsub(1.0, f), f).rsubi(1.0);
        Elementwise.reluKeepingNaN(upper.addi(1.0), upper).subi(1.0);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        Elementwise.sign(Elementwise.abs(f, gradIn).rsubi(1.0), gradIn).muli(gradOut);
    }
}
