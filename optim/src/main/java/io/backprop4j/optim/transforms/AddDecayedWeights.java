package io.backprop4j.optim.transforms;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * L2 weight decay coupled with the gradient, as PyTorch's {@code weight_decay} in SGD, Adam, RMSProp, Adagrad:
 * {@code u ← u + λ·w}, before the other transforms see it. Decoupled decay (AdamW) comes after them instead.
 */
public record AddDecayedWeights(double lambda) implements Transform<NoState> {

    public AddDecayedWeights {
        Ranges.notNegative("AddDecayedWeights", "λ", lambda);
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
