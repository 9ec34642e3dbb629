package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Negative log-likelihood on integer class labels, PyTorch's {@code nll_loss}: given log-probabilities
 * {@code [B, K]} (from {@code LogSoftmax}) and labels y ∈ {0 … K−1} of shape {@code [B]} or
 * {@code [B, 1]}, J = −r Σ_b logp[b, y_b] and ∂J/∂logp = −r·onehot(y), r = 1/B by default (PyTorch's {@code mean};
 * a {@link Reduction} sets it). Targets of shape {@code [B, K]} are taken as one-hot (or any class distribution
 * t): J = −r Σ t ⊙ logp, ∂J/∂logp = −r·t.
 */
public final class NegativeLogLikelihood implements Loss {

    private final Reduction reduction;

    private INDArray gradient;
    private INDArray scratch;

    /** The mean over the batch, PyTorch's default. */
    public NegativeLogLikelihood() {
        this(Reduction.MEAN);
    }

    public NegativeLogLikelihood(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public double value(INDArray logProbabilities, INDArray labels) {
        scratch = Buffers.like(scratch, logProbabilities).assign(oneHot(logProbabilities, labels));
        return -scratch.muli(logProbabilities).sumNumber().doubleValue() * factor(logProbabilities);
    }

    /** −Σ_k t_k·logp_k per example, {@code [B]}. */
    @Override
    public INDArray terms(INDArray logProbabilities, INDArray labels) {
        return oneHot(logProbabilities, labels).mul(logProbabilities).sum(1).negi();
    }

    @Override
    public INDArray gradient(INDArray logProbabilities, INDArray labels) {
        gradient = Buffers.like(gradient, logProbabilities);
        return gradient.assign(oneHot(logProbabilities, labels)).muli(-factor(logProbabilities));
    }

    private double factor(INDArray logProbabilities) {
        return reduction.factor(logProbabilities.size(0), logProbabilities.size(0));
    }

    private INDArray oneHot(INDArray logProbabilities, INDArray labels) {
        return ClassTargets.rows(name(), "log-probabilities", logProbabilities, labels);
    }
}
