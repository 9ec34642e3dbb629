package io.backprop4j.optim;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019), PyTorch's {@code AdamW}: the chain
 * {@code ScaleByAdam}, {@code AddDecayedWeights(λ)}, then {@code w ← w − η·u}, i.e.
 * {@code w ← w − η·(adam + λw)}, which PyTorch writes as {@code w ← (1 − ηλ)w}, then the Adam step. λ = 0.01 by
 * default, as in PyTorch.
 */
public final class AdamW extends Adam {

    public AdamW(double learningRate) {
        this(learningRate, 0.01);
    }

    public AdamW(double learningRate, double weightDecay) {
        super(learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }
}
