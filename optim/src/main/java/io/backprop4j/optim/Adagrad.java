package io.backprop4j.optim;

import io.backprop4j.optim.transforms.Chain;
import io.backprop4j.optim.transforms.ScaleByAdagrad;

/**
 * Adagrad (Duchi et al. 2011), the chain {@link ScaleByAdagrad} then {@code w ← w − η·u}: {@code s ← s + g²};
 * {@code w ← w − η·g / (√s + ε)}, ε = 1e-10 as in PyTorch.
 */
public final class Adagrad extends Chain {

    public Adagrad(double learningRate) {
        this(learningRate, 1e-10);
    }

    public Adagrad(double learningRate, double epsilon) {
        super(learningRate, new ScaleByAdagrad(epsilon));
    }

    /** With PyTorch's {@code lr_decay} d: the step t is also divided by {@code 1 + (t − 1)·d}. */
    public Adagrad(double learningRate, double epsilon, double lrDecay) {
        super(learningRate, new ScaleByAdagrad(epsilon, lrDecay));
    }
}
