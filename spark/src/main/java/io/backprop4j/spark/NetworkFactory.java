package io.backprop4j.spark;

import io.backprop4j.layers.Layer;
import java.io.Serializable;

/**
 * Builds the network to train, on the driver, once the data's width is known: {@code (inputs, outputs) ->
 * Models.mlp(inputs, new int[] {128}, ReLU::new, outputs)}, outputs being the number of classes (or 1 for a
 * regression).
 */
@FunctionalInterface
public interface NetworkFactory extends Serializable {

    Layer build(int inputs, int outputs);
}
