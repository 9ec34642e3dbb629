package io.backprop4j.layers.conv;

import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.LayerTypes;
import java.util.List;

/** The layer types of the convolution and pooling layers. */
public final class ConvolutionTypes implements LayerTypes {

    @Override
    public List<LayerType> types() {
        return List.of(Conv2d.TYPE, MaxPool2d.TYPE, AvgPool2d.TYPE);
    }
}
