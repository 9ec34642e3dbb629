package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adagrad's scaling: {@code s ← s + u²}, {@code u ← u / (√s + ε)}, and with PyTorch's {@code lr_decay} d also
 * {@code u ← u / (1 + (t − 1)·d)} at step t.
 */
public record ScaleByAdagrad(double epsilon, double lrDecay) implements Transform<ScaleByAdagrad.State> {

    /** The sum of squared updates s, a work array (not saved) and the update count t. */
    public record State(INDArray sumOfSquares, INDArray work, StepCount t) implements CountedState {
        @Override
        public Map<String, INDArray> arrays() {
            return Map.of("sumOfSquares", sumOfSquares);
        }
    }

    public ScaleByAdagrad {
        Ranges.notNegative("ScaleByAdagrad", "ε", epsilon);
        Ranges.notNegative("ScaleByAdagrad", "lr_decay", lrDecay);
    }

    /** Without learning-rate decay. */
    public ScaleByAdagrad(double epsilon) {
        this(epsilon, 0);
    }

    @Override
    public State init(Parameter parameter) {
        return new State(parameter.value().ulike().assign(0), parameter.value().ulike(), new StepCount());
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, State state) {
        INDArray s = state.sumOfSquares();
        INDArray work = state.work();
        long t = state.t().next();
        Kernels.axpy(1, work.assign(updates).muli(updates), s);
        updates.divi(Kernels.sqrt(s, work).addi(epsilon));
        return lrDecay == 0 ? updates : updates.divi(1 + (t - 1) * lrDecay);
    }
}
