package io.backprop4j.layers.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How a loss turns its per-element terms into one number J, PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The mean over every element, B·K of them (PyTorch's default). */
    MEAN,
    /** The sum over every element. */
    SUM,
    /** The sum divided by the batch size B (PyTorch's {@code batchmean}; backprop4j's losses' default). */
    BATCHMEAN;

    /** The factor that turns the sum of the terms of {@code prediction} into J, and its gradient likewise. */
    double factor(INDArray prediction) {
        return switch (this) {
            case MEAN -> 1.0 / prediction.length();
            case SUM -> 1.0;
            case BATCHMEAN -> 1.0 / prediction.size(0);
        };
    }
}
