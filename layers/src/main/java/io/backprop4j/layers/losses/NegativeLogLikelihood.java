package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Negative log-likelihood on integer class labels, PyTorch's {@code nll_loss}: given log-probabilities
 * {@code [B, K]} (from {@code LogSoftmax}) and labels y ∈ {0 … K−1} of shape {@code [B]} or
 * {@code [B, 1]}, J = −(1/B) Σ_b logp[b, y_b] and ∂J/∂logp = −onehot(y)/B. Targets of shape {@code [B, K]}
 * are taken as one-hot (or any class distribution t): J = −(1/B) Σ t ⊙ logp, ∂J/∂logp = −t/B.
 */
public final class NegativeLogLikelihood implements Loss {

    private INDArray gradient;
    private INDArray scratch;

    @Override
    public double value(INDArray logProbabilities, INDArray labels) {
        scratch = Buffers.like(scratch, logProbabilities).assign(oneHot(logProbabilities, labels));
        return -scratch.muli(logProbabilities).sumNumber().doubleValue() / logProbabilities.size(0);
    }

    @Override
    public INDArray gradient(INDArray logProbabilities, INDArray labels) {
        gradient = Buffers.like(gradient, logProbabilities);
        return gradient.assign(oneHot(logProbabilities, labels)).divi(-logProbabilities.size(0));
    }

    private INDArray oneHot(INDArray logProbabilities, INDArray labels) {
        return ClassTargets.rows(name(), "log-probabilities", logProbabilities, labels);
    }
}
