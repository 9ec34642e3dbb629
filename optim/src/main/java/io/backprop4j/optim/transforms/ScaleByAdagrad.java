package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adagrad's scaling: {@code s ← s + u²}, {@code u ← u / (√s + ε)}, and with PyTorch's {@code lr_decay} d also
 * {@code u ← u / (1 + (t − 1)·d)} at step t.
 */
public record ScaleByAdagrad(double epsilon, double lrDecay) implements Transform<Moments> {

    public ScaleByAdagrad {
        Ranges.notNegative("ScaleByAdagrad", "ε", epsilon);
        Ranges.notNegative("ScaleByAdagrad", "lr_decay", lrDecay);
    }

    /** Without learning-rate decay. */
    public ScaleByAdagrad(double epsilon) {
        this(epsilon, 0);
    }

    @Override
    public Moments init(Parameter parameter) {
        return new Moments(parameter, "squares");
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, Moments state) {
        INDArray s = state.get("squares");
        INDArray work = state.scratch();
        long t = state.nextStep();
        Kernels.axpy(1, work.assign(updates).muli(updates), s);
        updates.divi(Kernels.sqrt(s, work).addi(epsilon));
        return lrDecay == 0 ? updates : updates.divi(1 + (t - 1) * lrDecay);
    }
}
