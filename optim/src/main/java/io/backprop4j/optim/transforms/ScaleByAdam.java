package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam's scaling (Kingma and Ba), with PyTorch's ε outside the root: {@code m ← β₁m + (1 − β₁)u},
 * {@code v ← β₂v + (1 − β₂)u²}, {@code u ← (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)}. With AMSGrad (Reddi et al.,
 * PyTorch's {@code amsgrad=True}) the root is of {@code v̂max ← max(v̂max, v)} instead of v.
 *
 * <p>Without AMSGrad the three formulas are one kernel ({@code Kernels.adam}), one pass over memory instead of a
 * dozen element-wise operations (the optimizer tests check it against the formulas and PyTorch).
 */
public record ScaleByAdam(double beta1, double beta2, double epsilon, boolean amsgrad)
        implements Transform<ScaleByAdam.State> {

    /** The first and second moment estimates m and v, the largest v so far (AMSGrad only, else null), and t. */
    public record State(INDArray m, INDArray v, INDArray vMax, StepCount t) implements CountedState {
        @Override
        public Map<String, INDArray> arrays() {
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            arrays.put("m", m);
            arrays.put("v", v);
            if (vMax != null) {
                arrays.put("vMax", vMax);
            }
            return arrays;
        }
    }

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
    public State init(Parameter parameter) {
        return new State(zeros(parameter), zeros(parameter),
                amsgrad ? zeros(parameter) : null, new StepCount());
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, State state) {
        INDArray m = state.m();
        INDArray v = state.v();
        long t = state.t().next();
        if (!amsgrad) {
            return Kernels.adam(updates, m, v, beta1, beta2, epsilon, t);
        }
        Kernels.axpy(1 - beta1, updates, m.muli(beta1));
        Kernels.axpy(1 - beta2, updates.muli(updates), v.muli(beta2));
        INDArray second = amsgrad ? Transforms.max(state.vMax(), v, false) : v;
        INDArray denominator = Kernels.sqrt(updates.assign(second).divi(1 - Math.pow(beta2, t)), updates)
                .addi(epsilon);
        return denominator.rdivi(m).divi(1 - Math.pow(beta1, t));
    }

    private static INDArray zeros(Parameter parameter) {
        return parameter.value().ulike().assign(0);
    }
}
