package io.backprop4j.optim.transforms;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Adagrad's scaling: {@code s ← s + u²}, {@code u ← u / (√s + ε)}. */
public record ScaleByAdagrad(double epsilon) implements Transform<Moments> {

    public ScaleByAdagrad {
        Ranges.notNegative("ScaleByAdagrad", "ε", epsilon);
    }

    @Override
    public Moments init(Parameter parameter) {
        return new Moments(parameter, "squares");
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, Moments state) {
        INDArray s = state.get("squares");
        INDArray work = state.scratch();
        Elementwise.axpy(1, work.assign(updates).muli(updates), s);
        return updates.divi(Elementwise.sqrt(s, work).addi(epsilon));
    }
}
