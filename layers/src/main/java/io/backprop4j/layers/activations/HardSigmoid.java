package io.backprop4j.layers.activations;

import io.backprop4j.core.Elementwise;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch's piecewise-linear sigmoid: f(s) = min(max(s/6 + ½, 0), 1) (= ReLU6(s + 3)/6);
 * f'(s) = 1/6 on (−3, 3), read off the output as sign(f)·sign(1 − f)/6, and 0 outside.
 */
public final class HardSigmoid extends Activation {

    @Override
    protected void apply(INDArray s, INDArray f) {
        INDArray lifted = Elementwise.reluKeepingNaN(s.div(6.0, f).addi(0.5), f);
        lifted.rsubi(1.0);
        Elementwise.reluKeepingNaN(lifted, lifted).rsubi(1.0);
    }

    @Override
    protected void gradient(INDArray s, INDArray f, INDArray gradOut, INDArray gradIn) {
        INDArray belowOne = Elementwise.sign(f.rsub(1.0, scratch(0, f)), scratch(0, f));
        Elementwise.sign(f, gradIn).muli(belowOne).muli(gradOut).divi(6.0);
    }
}
