package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * L1 regularization, the gradient of λ‖w‖₁: {@code u ← u + λ·sign(w)}, with sign(0) = 0. First in a chain it adds
 * the penalty to the gradient, as the TensorFlow playground's L1 and Keras's {@code regularizers.l1}.
 */
public record AddL1Penalty(double lambda) implements Transform<NoState> {

    public AddL1Penalty {
        Ranges.notNegative("AddL1Penalty", "λ", lambda);
    }

    @Override
    public NoState init(Parameter parameter) {
        return new NoState();
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, NoState state) {
        return lambda == 0 ? updates : updates.addi(Transforms.sign(parameter.value(), true).muli(lambda));
    }
}
