package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Clipping by value, PyTorch's {@code clip_grad_value_}: {@code u ← min(max(u, −c), c)} element by element. */
public record ClipByValue(double limit) implements Transform<NoState> {

    public ClipByValue {
        Ranges.positive("ClipByValue", "c", limit);
    }

    @Override
    public NoState init(Parameter parameter) {
        return new NoState();
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, NoState state) {
        return Transforms.min(Transforms.max(updates, -limit, false), limit, false);
    }
}
