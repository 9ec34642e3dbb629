package io.backprop4j.layers.conv;

import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerType;

/**
 * Average pooling (PyTorch's {@code nn.AvgPool2d} with {@code count_include_pad=True}): {@code Y[n, c, i, j]
 * = (1/k²) Σ over the window of the zero-padded X}; backward spreads each ∂J/∂Y entry as 1/k² over its
 * window.
 */
public final class AvgPool2d extends Pool2d {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("AvgPool2d", AvgPool2d.class, AvgPool2d::fromConfig);

    /** Non-overlapping k×k windows (stride k), as PyTorch's default. */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public AvgPool2d(int kernel, int stride, int padding) {
        super("avgpool2d", kernel, stride, padding);
    }

    /** libnd4j's divisor mode 1: padded zeros count in the window's k² entries. */
    @Override
    String onnxOperator() {
        return "AveragePool";
    }

    @Override
    int mode() {
        return 1;
    }

    /** Rebuilds the layer from its saved configuration (Keras's {@code from_config}). */
    public static AvgPool2d fromConfig(LayerConfig c) {
        return new AvgPool2d(c.integer("kernel"), c.integer("stride"), c.integer("padding"));
    }
}
