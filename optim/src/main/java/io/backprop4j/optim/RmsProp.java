package io.backprop4j.optim;

import io.backprop4j.optim.transforms.Chain;
import io.backprop4j.optim.transforms.ScaleByRms;
import io.backprop4j.optim.transforms.TraceMomentum;
import io.backprop4j.optim.transforms.Transform;

/**
 * RMSProp (Hinton 2012), the chain {@link ScaleByRms} then {@code w ← w − η·u}: {@code s ← ρs + (1 − ρ)g²};
 * {@code w ← w − η·g / (√s + ε)}, with PyTorch's defaults ρ = 0.99, ε = 1e-8.
 */
public final class RmsProp extends Chain {

    public RmsProp(double learningRate) {
        this(learningRate, 0.99, 1e-8);
    }

    public RmsProp(double learningRate, double rho, double epsilon) {
        super(learningRate, new ScaleByRms(rho, epsilon));
    }

    /**
     * PyTorch's {@code RMSprop(lr, alpha=rho, eps, momentum, centered)}: the chain {@code ScaleByRms(ρ, ε,
     * centered)}, then {@code TraceMomentum(μ)} when μ &gt; 0: {@code b ← μb + g / (√s + ε)}, {@code w ← w − ηb}.
     */
    public RmsProp(double learningRate, double rho, double epsilon, double momentum, boolean centered) {
        super(learningRate, momentum == 0 ? new Transform<?>[] {new ScaleByRms(rho, epsilon, centered)}
                : new Transform<?>[] {new ScaleByRms(rho, epsilon, centered), new TraceMomentum(momentum, false)});
    }
}
