package io.backprop4j.optim.transforms;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** RMSProp's scaling, PyTorch's form: {@code s ← ρs + (1 − ρ)u²}, {@code u ← u / (√s + ε)}. */
public record ScaleByRms(double rho, double epsilon) implements Transform<Moments> {

    public ScaleByRms {
        Ranges.within("ScaleByRms", "ρ", rho, 0, 1);
        Ranges.notNegative("ScaleByRms", "ε", epsilon);
    }

    @Override
    public Moments init(Parameter parameter) {
        return new Moments(parameter, "squares");
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, Moments state) {
        INDArray s = state.get("squares");
        INDArray work = state.scratch();
        Elementwise.axpy(1 - rho, work.assign(updates).muli(updates), s.muli(rho));
        return updates.divi(Elementwise.sqrt(s, work).addi(epsilon));
    }
}
