package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam's scaling (Kingma and Ba), with PyTorch's ε outside the root: {@code m ← β₁m + (1 − β₁)u},
 * {@code v ← β₂v + (1 − β₂)u²}, {@code u ← (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)}. With AMSGrad (Reddi et al.,
 * PyTorch's {@code amsgrad=True}) the root is of {@code v̂max ← max(v̂max, v)} instead of v.
 */
public record ScaleByAdam(double beta1, double beta2, double epsilon, boolean amsgrad) implements Transform<Moments> {

    public ScaleByAdam {
        Ranges.within("ScaleByAdam", "β₁", beta1, 0, 1);
        Ranges.within("ScaleByAdam", "β₂", beta2, 0, 1);
        Ranges.notNegative("ScaleByAdam", "ε", epsilon);
    }

    /** Adam without AMSGrad. */
    public ScaleByAdam(double beta1, double beta2, double epsilon) {
        this(beta1, beta2, epsilon, false);
    }

    @Override
    public Moments init(Parameter parameter) {
        return amsgrad ? new Moments(parameter, "m", "v", "vMax") : new Moments(parameter, "m", "v");
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, Moments state) {
        INDArray m = state.get("m");
        INDArray v = state.get("v");
        long t = state.nextStep();
        Kernels.axpy(1 - beta1, updates, m.muli(beta1));
        Kernels.axpy(1 - beta2, updates.muli(updates), v.muli(beta2));
        INDArray second = amsgrad ? Transforms.max(state.get("vMax"), v, false) : v;
        INDArray denominator = Kernels.sqrt(updates.assign(second).divi(1 - Math.pow(beta2, t)), updates)
                .addi(epsilon);
        return denominator.rdivi(m).divi(1 - Math.pow(beta1, t));
    }
}
