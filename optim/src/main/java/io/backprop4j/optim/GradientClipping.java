package io.backprop4j.optim;

import io.backprop4j.core.Parameter;
import java.util.List;

/**
 * Clipping by global norm: if ‖g‖ = √(Σ over all parameters of Σ g²) exceeds c, every gradient is
 * scaled by c/‖g‖, so the direction is kept and the length capped (PyTorch's {@code clip_grad_norm_}).
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** The global L2 norm of all gradients. */
    public static double globalNorm(List<Parameter> parameters) {
        double sumOfSquares = 0;
        for (Parameter p : parameters) {
            double norm = p.gradient().norm2Number().doubleValue();
            sumOfSquares += norm * norm;
        }
        return Math.sqrt(sumOfSquares);
    }

    /** Scales the gradients down to norm {@code maxNorm} if they exceed it; returns the norm before clipping. */
    public static double clipByGlobalNorm(List<Parameter> parameters, double maxNorm) {
        double norm = globalNorm(parameters);
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            parameters.forEach(p -> p.gradient().muli(scale));
        }
        return norm;
    }
}
