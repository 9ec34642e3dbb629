package io.backprop4j.layers.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a loss turns its terms into one number J, PyTorch's {@code reduction} argument. The terms are one per
 * element for the element-wise losses (squared error, binary cross-entropy, KL divergence) and one per example
 * for the class losses (cross-entropy, negative log-likelihood), as PyTorch's {@code reduction="none"} returns
 * them ({@link Loss#terms}).
 */
public enum Reduction {
    /** The mean over the terms (PyTorch's default): over B·K elements, or over the B examples of a class loss. */
    MEAN,
    /** The sum of the terms. */
    SUM,
    /** The sum divided by the batch size B (PyTorch's {@code batchmean}). */
    BATCHMEAN,
    /**
     * No reduction (PyTorch's {@code none}): {@link Loss#terms} gives the terms; {@code value} and {@code gradient}
     * are those of their sum, as PyTorch's backward of the terms with a gradient of ones.
     */
    NONE;

    /** The factor that turns the sum of {@code terms} terms over a batch of {@code batch} into J. */
    double factor(long terms, long batch) {
        return switch (this) {
            case MEAN -> 1.0 / terms;
            case SUM, NONE -> 1.0;
            case BATCHMEAN -> 1.0 / batch;
        };
    }

    /** The factor of an element-wise loss on {@code prediction}: its terms are its elements. */
    double factor(INDArray prediction) {
        return factor(prediction.length(), prediction.size(0));
    }
}
