package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Momentum in PyTorch's form: {@code v ← u} at the first step, then {@code v ← μ·v + (1 − d)·u} with dampening d;
 * the new updates are v, or {@code u + μ·v} with Nesterov (which PyTorch allows only without dampening).
 */
public record TraceMomentum(double mu, boolean nesterov, double dampening) implements Transform<TraceMomentum.State> {

    /** The velocity v and the update count t. */
    public record State(INDArray velocity, StepCount t) implements CountedState {
        @Override
        public Map<String, INDArray> arrays() {
            return Map.of("velocity", velocity);
        }
    }

    public TraceMomentum {
        Ranges.within("TraceMomentum", "μ", mu, 0, 1);
        Ranges.within("TraceMomentum", "dampening", dampening, 0, 1);
        if (nesterov && dampening != 0) {
            throw new IllegalArgumentException("TraceMomentum: Nesterov momentum needs no dampening, got "
                    + dampening);
        }
    }

    /** Without dampening. */
    public TraceMomentum(double mu, boolean nesterov) {
        this(mu, nesterov, 0);
    }

    @Override
    public State init(Parameter parameter) {
        return new State(parameter.value().ulike().assign(0), new StepCount());
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, State state) {
        INDArray v = state.velocity();
        if (state.t().next() == 1) {
            v.assign(updates);
        } else {
            Kernels.axpy(1 - dampening, updates, v.muli(mu));
        }
        return nesterov ? Kernels.axpy(mu, v, updates) : v;
    }
}
