package io.backprop4j.layers.conv;

import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;

/**
 * Max pooling (PyTorch's {@code nn.MaxPool2d}): {@code Y[n, c, i, j] = max over the window of X}; backward
 * routes each ∂J/∂Y entry to the position of its window's maximum. Padding counts as −∞.
 */
public final class MaxPool2d extends Pool2d {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("MaxPool2d", MaxPool2d.class, MaxPool2d::fromConfig);

    /** Non-overlapping k×k windows (stride k), as PyTorch's default. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public MaxPool2d(int kernel, int stride, int padding) {
        super("maxpool2d", kernel, stride, padding);
    }

    @Override
    String onnxOperator() {
        return "MaxPool";
    }

    @Override
    int mode() {
        return 0;
    }

    /** Rebuilds the layer from its saved configuration (Keras's {@code from_config}). */
    public static MaxPool2d fromConfig(LayerConfig c) {
        return new MaxPool2d(c.integer("kernel"), c.integer("stride"), c.integer("padding"));
    }
}
