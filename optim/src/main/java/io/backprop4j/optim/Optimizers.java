package io.backprop4j.optim;

import io.backprop4j.optim.transforms.AddDecayedWeights;
import io.backprop4j.optim.transforms.ScaleByAdadelta;
import io.backprop4j.optim.transforms.ScaleByAdagrad;
import io.backprop4j.optim.transforms.ScaleByAdam;
import io.backprop4j.optim.transforms.ScaleByRms;
import io.backprop4j.optim.transforms.TraceMomentum;
import io.backprop4j.optim.transforms.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizers, as optax's aliases: each is a {@link Chain} of transforms followed by {@code w ← w − η·u}, with
 * PyTorch's formulas and defaults. {@code Optimizers.adam(0.001)} reads as PyTorch's {@code Adam(params, lr=0.001)};
 * a chain of one's own is {@link #chain}.
 */
public final class Optimizers {

    private Optimizers() {
    }

    /** The transforms in order, then {@code w ← w − η·u}: {@code chain(0.01, new ClipByGlobalNorm(1), adamScaling)}. */
    public static Chain chain(double learningRate, Transform<?>... transforms) {
        return new Chain(learningRate, List.of(transforms));
    }

    /** Plain gradient descent, {@code w ← w − η·g}. */
    public static Chain sgd(double learningRate) {
        return chain(learningRate);
    }

    /** Heavy-ball momentum μ, PyTorch's {@code SGD(momentum=μ)}: {@code v ← μv + g}, {@code w ← w − η·v}. */
    public static Chain momentum(double learningRate, double mu) {
        return chain(learningRate, new TraceMomentum(mu, false));
    }

    /** Nesterov momentum μ, PyTorch's {@code SGD(momentum=μ, nesterov=True)}: {@code v ← μv + g}, {@code w ← w − η·(g + μv)}. */
    public static Chain nesterov(double learningRate, double mu) {
        return chain(learningRate, new TraceMomentum(mu, true));
    }

    /** Nesterov momentum with PyTorch's (coupled, L2) {@code weight_decay} λ: the gradient is {@code g + λw}. */
    public static Chain nesterov(double learningRate, double mu, double weightDecay) {
        return chain(learningRate, new AddDecayedWeights(weightDecay), new TraceMomentum(mu, true));
    }

    /**
     * {@link #momentum} or {@link #nesterov} computed in two fused passes per parameter: the same step, the same
     * checkpoints, fewer passes over memory. The command line trains with it.
     */
    public static Optimizer fusedMomentum(double learningRate, double mu, boolean nesterov) {
        return new FusedMomentumSgd(learningRate, mu, nesterov);
    }

    /** Adam with PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8: the chain {@code ScaleByAdam}. */
    public static Chain adam(double learningRate) {
        return adam(learningRate, 0.9, 0.999, 1e-8);
    }

    /** Adam (Kingma and Ba): {@code w ← w − η·m̂ / (√v̂ + ε)}, ε added to √v̂ as PyTorch does. */
    public static Chain adam(double learningRate, double beta1, double beta2, double epsilon) {
        return chain(learningRate, new ScaleByAdam(beta1, beta2, epsilon));
    }

    /** Adam with AMSGrad (PyTorch's {@code amsgrad=True}): the root of the largest second moment so far. */
    public static Chain amsgrad(double learningRate) {
        return chain(learningRate, new ScaleByAdam(0.9, 0.999, 1e-8, true));
    }

    /** AdamW with PyTorch's default decoupled weight decay λ = 0.01. */
    public static Chain adamw(double learningRate) {
        return adamw(learningRate, 0.01);
    }

    /**
     * Adam with decoupled weight decay (Loshchilov and Hutter), PyTorch's {@code AdamW}: the chain {@code ScaleByAdam},
     * {@code AddDecayedWeights(λ)}, i.e. {@code w ← w − η·(adam + λw)}.
     */
    public static Chain adamw(double learningRate, double weightDecay) {
        return chain(learningRate, new ScaleByAdam(0.9, 0.999, 1e-8), new AddDecayedWeights(weightDecay));
    }

    /** Adagrad with PyTorch's ε = 1e-10: {@code s ← s + g²}, {@code w ← w − η·g / (√s + ε)}. */
    public static Chain adagrad(double learningRate) {
        return adagrad(learningRate, 1e-10, 0);
    }

    /** Adagrad with PyTorch's {@code lr_decay} d: step t is also divided by {@code 1 + (t − 1)·d}. */
    public static Chain adagrad(double learningRate, double epsilon, double lrDecay) {
        return chain(learningRate, new ScaleByAdagrad(epsilon, lrDecay));
    }

    /** RMSProp with PyTorch's defaults ρ = 0.99, ε = 1e-8: {@code s ← ρs + (1 − ρ)g²}, {@code w ← w − η·g / (√s + ε)}. */
    public static Chain rmsprop(double learningRate) {
        return rmsprop(learningRate, 0.99, 1e-8, 0, false);
    }

    /**
     * PyTorch's {@code RMSprop(lr, alpha=ρ, eps, momentum=μ, centered)}: the chain {@code ScaleByRms(ρ, ε, centered)},
     * then {@code TraceMomentum(μ)} when μ &gt; 0.
     */
    public static Chain rmsprop(double learningRate, double rho, double epsilon, double momentum, boolean centered) {
        List<Transform<?>> transforms = new ArrayList<>(List.of(new ScaleByRms(rho, epsilon, centered)));
        if (momentum != 0) {
            transforms.add(new TraceMomentum(momentum, false));
        }
        return new Chain(learningRate, transforms);
    }

    /** Adadelta with PyTorch's defaults η = 1, ρ = 0.9, ε = 1e-6 (the PyTorch MNIST example's optimizer). */
    public static Chain adadelta(double learningRate) {
        return adadelta(learningRate, 0.9, 1e-6);
    }

    /** Adadelta (Zeiler): the chain {@code ScaleByAdadelta(ρ, ε)}, then {@code w ← w − η·Δ}. */
    public static Chain adadelta(double learningRate, double rho, double epsilon) {
        return chain(learningRate, new ScaleByAdadelta(rho, epsilon));
    }
}
