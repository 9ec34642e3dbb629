package io.backprop4j.optim.transforms;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam's scaling (Kingma and Ba), with PyTorch's ε outside the root: {@code m ← β₁m + (1 − β₁)u},
 * {@code v ← β₂v + (1 − β₂)u²}, {@code u ← (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)}.
 */
public record ScaleByAdam(double beta1, double beta2, double epsilon) implements Transform<Moments> {

    public ScaleByAdam {
        Ranges.within("ScaleByAdam", "β₁", beta1, 0, 1);
        Ranges.within("ScaleByAdam", "β₂", beta2, 0, 1);
        Ranges.notNegative("ScaleByAdam", "ε", epsilon);
    }

    @Override
    public Moments init(Parameter parameter) {
        return new Moments(parameter, "m", "v");
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, Moments state) {
        INDArray m = state.get("m");
        INDArray v = state.get("v");
        long t = state.nextStep();
        Elementwise.axpy(1 - beta1, updates, m.muli(beta1));
        Elementwise.axpy(1 - beta2, updates.muli(updates), v.muli(beta2));
        INDArray denominator = Elementwise.sqrt(updates.assign(v).divi(1 - Math.pow(beta2, t)), updates).addi(epsilon);
        return denominator.rdivi(m).divi(1 - Math.pow(beta1, t));
    }
}
