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

    /** J and ∂J/∂prediction of one batch; the gradient array belongs to the loss, as {@link #gradient}'s does. */
    record Result(double value, INDArray gradient) {
    }

    /**
     * J and ∂J/∂prediction together, as a training step needs them: {@link #value} then {@link #gradient}, unless
     * the loss shares work between them ({@link SoftmaxCrossEntropy} computes its log-softmax once).
     */
    default Result evaluate(INDArray prediction, INDArray target) {
        return new Result(value(prediction, target), gradient(prediction, target));
    }

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
