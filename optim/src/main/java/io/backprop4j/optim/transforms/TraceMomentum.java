package io.backprop4j.optim.transforms;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Momentum in PyTorch's form: {@code v ← μ·v + u}; the new updates are v, or {@code u + μ·v} with Nesterov.
 */
public record TraceMomentum(double mu, boolean nesterov) implements Transform<Moments> {

    public TraceMomentum {
        Ranges.within("TraceMomentum", "μ", mu, 0, 1);
    }

    @Override
    public Moments init(Parameter parameter) {
        return new Moments(parameter, "velocity");
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, Moments state) {
        INDArray v = state.get("velocity");
        Elementwise.axpy(1, updates, v.muli(mu));
        return nesterov ? Elementwise.axpy(mu, v, updates) : v;
    }
}
