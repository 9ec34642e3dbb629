package io.backprop4j.layers;

import java.util.List;

/**
 * The layer types of one package or library, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.backprop4j.layers.LayerTypes}: the library lists its own packages' types this way,
 * and a library of layers of one's own can too.
 */
public interface LayerTypes {

    List<LayerType> types();
}
