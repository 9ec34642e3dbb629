package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RMSProp's scaling, PyTorch's form: {@code s ← ρs + (1 − ρ)u²}, {@code u ← u / (√s + ε)}; centered (Graves),
 * also {@code a ← ρa + (1 − ρ)u} and {@code u ← u / (√(s − a²) + ε)}.
 */
public record ScaleByRms(double rho, double epsilon, boolean centered) implements Transform<Moments> {

    public ScaleByRms {
        Ranges.within("ScaleByRms", "ρ", rho, 0, 1);
        Ranges.notNegative("ScaleByRms", "ε", epsilon);
    }

    /** Not centered. */
    public ScaleByRms(double rho, double epsilon) {
        this(rho, epsilon, false);
    }

    @Override
    public Moments init(Parameter parameter) {
        return centered ? new Moments(parameter, "squares", "average") : new Moments(parameter, "squares");
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, Moments state) {
        INDArray s = state.get("squares");
        INDArray work = state.scratch();
        Kernels.axpy(1 - rho, work.assign(updates).muli(updates), s.muli(rho));
        work.assign(s);
        if (centered) {
            INDArray average = state.get("average");
            Kernels.axpy(1 - rho, updates, average.muli(rho));
            work.subi(average.mul(average));
        }
        return updates.divi(Kernels.sqrt(work, work).addi(epsilon));
    }
}
