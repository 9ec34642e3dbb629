package io.backprop4j.layers.losses;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.kernels.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax and cross-entropy fused, on the logits s: J = −r Σ_b Σ_k t_k·log softmax(s)_k with the
 * log-softmax by log-sum-exp, and ∂J/∂s = r·(softmax(s) − t), r = 1/B by default (PyTorch's {@code mean} over
 * the examples; a {@link Reduction} sets it). Targets are distributions {@code [B, K]}
 * (one-hot or soft), each row summing to 1, or class indices {@code [B]} or {@code [B, 1]}, as PyTorch's
 * {@code CrossEntropyLoss} takes them (turned into one-hot rows).
 *
 * <p>With label smoothing ε (PyTorch's {@code label_smoothing}), the targets are mixed with the uniform
 * distribution over the K classes first, t ← (1 − ε)·t + ε/K.
 *
 * <p>With L = log softmax(s): J = −r·⟨t, L⟩ and ∂J/∂s = r·(e^L − t), each a kernel of {@link Kernels}.
 */
public final class SoftmaxCrossEntropy implements Loss {

    private final Reduction reduction;
    private final double labelSmoothing;

    private INDArray logProbabilities;
    private INDArray gradient;
    private INDArray smoothed;

    /** The mean over the batch, PyTorch's default. */
    public SoftmaxCrossEntropy() {
        this(Reduction.MEAN);
    }

    public SoftmaxCrossEntropy(Reduction reduction) {
        this(reduction, 0);
    }

    /** The mean over the batch, the targets smoothed by ε ∈ [0, 1): {@code new SoftmaxCrossEntropy(0.1)}. */
    public SoftmaxCrossEntropy(double labelSmoothing) {
        this(Reduction.MEAN, labelSmoothing);
    }

    public SoftmaxCrossEntropy(Reduction reduction, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("SoftmaxCrossEntropy: label smoothing must lie in [0, 1), got "
                    + labelSmoothing);
        }
        this.reduction = reduction;
        this.labelSmoothing = labelSmoothing;
    }

    /** The targets as rows [B, K], smoothed: (1 − ε)·t + ε/K. */
    private INDArray targets(INDArray logits, INDArray target) {
        INDArray t = ClassTargets.rows(name(), "logits", logits, target);
        if (labelSmoothing == 0) {
            return t;
        }
        smoothed = Buffers.like(smoothed, logits);
        return smoothed.assign(t).muli(1 - labelSmoothing).addi(labelSmoothing / logits.size(1));
    }

    @Override
    public double value(INDArray logits, INDArray target) {
        INDArray t = targets(logits, target);
        return -Kernels.dot(t, logSoftmax(logits)) * factor(logits);
    }

    /** −Σ_k t_k·log softmax(s)_k per example, {@code [B]}. */
    @Override
    public INDArray terms(INDArray logits, INDArray target) {
        INDArray t = targets(logits, target);
        return logSoftmax(logits).mul(t).sum(1).negi();
    }

    private double factor(INDArray logits) {
        return reduction.factor(logits.size(0), logits.size(0));
    }

    @Override
    public INDArray gradient(INDArray logits, INDArray target) {
        INDArray t = targets(logits, target);
        return gradient(logits, t, logSoftmax(logits));
    }

    /** J and ∂J/∂s from one log-softmax. */
    @Override
    public Result evaluate(INDArray logits, INDArray target) {
        INDArray t = targets(logits, target);
        INDArray logProbabilities = logSoftmax(logits);
        double value = -Kernels.dot(t, logProbabilities) * factor(logits);
        return new Result(value, gradient(logits, t, logProbabilities));
    }

    /** ∂J/∂s = r·(e^L − t), into the loss's gradient array. */
    private INDArray gradient(INDArray logits, INDArray t, INDArray logProbabilities) {
        gradient = Buffers.like(gradient, logits);
        Kernels.exp(logProbabilities, gradient);
        Kernels.axpy(-1, t, gradient);
        return Kernels.scale(factor(logits), gradient);
    }

    /** L = log softmax(s), row-wise, into a reused buffer. */
    private INDArray logSoftmax(INDArray s) {
        logProbabilities = Buffers.like(logProbabilities, s);
        return Kernels.logSoftmax(s, logProbabilities);
    }
}
