package io.backprop4j.spark;

import io.backprop4j.layers.losses.Loss;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * Makes the loss on each executor, a fresh one per task since a loss keeps buffers:
 * {@code SoftmaxCrossEntropy::new}.
 */
@FunctionalInterface
public interface LossFactory extends Supplier<Loss>, Serializable {
}
