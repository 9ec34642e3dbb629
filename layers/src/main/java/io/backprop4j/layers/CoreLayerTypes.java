package io.backprop4j.layers;

import java.util.List;

/** The layer types of this package. */
public final class CoreLayerTypes implements LayerTypes {

    @Override
    public List<LayerType> types() {
        return List.of(Sequential.TYPE, Residual.TYPE, Dense.TYPE, BatchNorm.TYPE, Dropout.TYPE, Flatten.TYPE,
                Reshape.TYPE, Normalization.TYPE, Maxout.TYPE);
    }
}
