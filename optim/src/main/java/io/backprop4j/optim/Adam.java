package io.backprop4j.optim;

import io.backprop4j.optim.transforms.AddDecayedWeights;
import io.backprop4j.optim.transforms.Chain;
import io.backprop4j.optim.transforms.ScaleByAdam;

/**
 * Adam (Kingma &amp; Ba 2015) in PyTorch's form, the chain {@link ScaleByAdam} then {@code w ← w − η·u}:
 * {@code m ← β₁m + (1 − β₁)g}, {@code v ← β₂v + (1 − β₂)g²}, {@code m̂ = m/(1 − β₁ᵗ)}, {@code v̂ = v/(1 − β₂ᵗ)},
 * {@code w ← w − η·m̂ / (√v̂ + ε)}, ε = 1e-8 added to √v̂. Its state per parameter is {@code 0.m} and {@code 0.v}.
 */
public class Adam extends Chain {

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate, new ScaleByAdam(beta1, beta2, epsilon));
    }

    /** Adam with AMSGrad (PyTorch's {@code amsgrad=True}): the root of the largest second moment so far. */
    public static Adam amsgrad(double learningRate) {
        return new Adam(learningRate, new ScaleByAdam(0.9, 0.999, 1e-8, true));
    }

    private Adam(double learningRate, ScaleByAdam scaling) {
        super(learningRate, scaling);
    }

    /** Adam then decoupled weight decay λ (AdamW). */
    protected Adam(double learningRate, double beta1, double beta2, double epsilon, double decoupledWeightDecay) {
        super(learningRate, new ScaleByAdam(beta1, beta2, epsilon), new AddDecayedWeights(decoupledWeightDecay));
    }
}
