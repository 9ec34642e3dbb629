package io.backprop4j.layers.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A cost J(prediction, target), averaged over the batch (the rows). {@code gradient} returns
 * ∂J/∂prediction with that same 1/batch factor, in an array owned by the loss and overwritten by its
 * next call. Fused losses (softmax or sigmoid with cross-entropy) take the logits as prediction.
 */
public interface Loss {

    double value(INDArray prediction, INDArray target);

    INDArray gradient(INDArray prediction, INDArray target);

    /**
     * The unreduced terms whose {@link Reduction} is J, PyTorch's {@code reduction="none"}: one per element
     * ({@code [B, K]}) for an element-wise loss, one per example ({@code [B]}) for a class loss. A new array.
     * Every loss of this library gives them; a loss of your own need not.
     */
    default INDArray terms(INDArray prediction, INDArray target) {
        throw new UnsupportedOperationException(name() + " does not give its unreduced terms");
    }

    default String name() {
        return getClass().getSimpleName();
    }
}
