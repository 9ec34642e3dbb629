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

    default String name() {
        return getClass().getSimpleName();
    }
}
