package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Weight decay, optax's {@code add_decayed_weights}: {@code u ← u + λ·w}. First in a chain it is L2 decay coupled
 * with the gradient, as PyTorch's {@code weight_decay} in SGD, Adam, RMSProp and Adagrad; after the adaptive
 * scaling it is decoupled decay (Loshchilov and Hutter's AdamW): the chain's {@code w ← w − η·u} then shrinks
 * every weight by ηλw however large its gradient's second moment, which PyTorch's AdamW writes as
 * {@code w ← (1 − ηλ)w − η·adam}.
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
        return lambda == 0 ? updates : Kernels.axpy(lambda, parameter.value(), updates);
    }
}
