package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clipping each parameter's updates by their norm: {@code u ← u · min(1, c / ‖u‖)}. {@link ClipByGlobalNorm}
 * clips by the norm over all parameters together instead.
 */
public record ClipByNorm(double maxNorm) implements Transform<NoState> {

    public ClipByNorm {
        Ranges.positive("ClipByNorm", "c", maxNorm);
    }

    @Override
    public NoState init(Parameter parameter) {
        return new NoState();
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, NoState state) {
        double norm = updates.norm2Number().doubleValue();
        return norm > maxNorm ? updates.muli(maxNorm / norm) : updates;
    }
}
