package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clipping by global norm, PyTorch's {@code clip_grad_norm_} and optax's {@code clip_by_global_norm}: with
 * {@code ‖u‖ = √(Σ over all parameters of Σ u²)}, every update is scaled by {@code min(1, c / ‖u‖)}, so the
 * direction is kept and the length capped. On one parameter alone it is {@link ClipByNorm}.
 */
public record ClipByGlobalNorm(double maxNorm) implements Transform<NoState> {

    public ClipByGlobalNorm {
        Ranges.positive("ClipByGlobalNorm", "c", maxNorm);
    }

    /** ‖u‖ over all of {@code updates}. */
    public static double globalNorm(List<INDArray> updates) {
        double sumOfSquares = 0;
        for (INDArray u : updates) {
            double norm = u.norm2Number().doubleValue();
            sumOfSquares += norm * norm;
        }
        return Math.sqrt(sumOfSquares);
    }

    @Override
    public NoState init(Parameter parameter) {
        return new NoState();
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, NoState state) {
        List<INDArray> one = new ArrayList<>(List.of(updates));
        update(one, List.of(parameter), List.of(state));
        return one.get(0);
    }

    @Override
    public void update(List<INDArray> updates, List<Parameter> parameters, List<NoState> states) {
        double norm = globalNorm(updates);
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            updates.forEach(u -> u.muli(scale));
        }
    }
}
