package io.backprop4j.layers;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A layer type as a saved model names it ({@code "type": "Dense"}) and how one is rebuilt from its saved
 * {@link Layer#config()} (Keras's {@code from_config}). Each layer class declares its own beside its code, as
 * {@code public static final LayerType TYPE}; the {@link LayerRegistry} finds them by name.
 *
 * @param name    the saved type name, which must not change once models are saved with it
 * @param type    the layer's class
 * @param factory rebuilds a layer from its saved configuration
 */
public record LayerType(String name, Class<? extends Layer> type, Function<LayerConfig, ? extends Layer> factory) {

    /** A type rebuilt by {@code fromConfig}, e.g. {@code LayerType.of("Dense", Dense.class, Dense::fromConfig)}. */
    public static <L extends Layer> LayerType of(String name, Class<L> type, Function<LayerConfig, L> fromConfig) {
        return new LayerType(name, type, fromConfig);
    }

    /** A type built without arguments, e.g. {@code LayerType.of("ReLU", ReLU.class, ReLU::new)}. */
    public static <L extends Layer> LayerType of(String name, Class<L> type, Supplier<L> constructor) {
        return new LayerType(name, type, config -> constructor.get());
    }
}
