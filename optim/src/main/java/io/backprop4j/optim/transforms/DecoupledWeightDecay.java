package io.backprop4j.optim.transforms;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decoupled weight decay (Loshchilov and Hutter's AdamW): {@code u ← u + λ·w} after the adaptive scaling, so the
 * chain's {@code w ← w − η·u} shrinks every weight by ηλw however large its gradient's second moment. PyTorch's
 * AdamW writes the same step as {@code w ← (1 − ηλ)w − η·adam}.
 */
public record DecoupledWeightDecay(double lambda) implements Transform<NoState> {

    public DecoupledWeightDecay {
        Ranges.notNegative("DecoupledWeightDecay", "λ", lambda);
    }

    @Override
    public NoState init(Parameter parameter) {
        return new NoState();
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, NoState state) {
        return lambda == 0 ? updates : Elementwise.axpy(lambda, parameter.value(), updates);
    }
}
