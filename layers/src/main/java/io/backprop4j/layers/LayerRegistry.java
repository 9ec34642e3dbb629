package io.backprop4j.layers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Layer types by name, so that a saved model is readable JSON ({@code {"type": "Dense", "config": {"in":
 * 784, "out": 256, "init": "HE_NORMAL"}}}) that does not depend on Java packages. A layer's type is its class's
 * simple name, and its factory lives with the class, beside its {@link Layer#config()} (Keras's
 * {@code get_config}/{@code from_config}): a {@code public static fromConfig(LayerConfig)} method, or a public
 * constructor without arguments for a layer with an empty config. The library's layers are found by name in
 * their packages; a layer of one's own joins with {@link #register(Class)} (or {@link #register(String,
 * Function)}), as Keras's custom objects do.
 */
public final class LayerRegistry {

    /** Where the library's layer classes live; a saved type is looked up in each. */
    private static final List<String> PACKAGES = List.of("io.backprop4j.layers.", "io.backprop4j.layers.activations.",
            "io.backprop4j.layers.conv.");

    private static final Map<String, Function<LayerConfig, Layer>> FACTORIES = new ConcurrentHashMap<>();

    private LayerRegistry() {
    }

    /** Makes {@code type} loadable: {@code factory} rebuilds the layer from its saved configuration. */
    public static void register(String type, Function<LayerConfig, Layer> factory) {
        FACTORIES.put(type, factory);
    }

    /** Makes a layer class of one's own loadable through its {@code fromConfig} or no-argument constructor. */
    public static void register(Class<? extends Layer> type) {
        FACTORIES.put(type.getSimpleName(), factory(type));
    }

    /** The saved type name of {@code layer}; refuses layers that could not be loaded again. */
    public static String typeOf(Layer layer) {
        String type = layer.getClass().getSimpleName();
        if (!FACTORIES.containsKey(type) && !layer.getClass().getName().equals(libraryClass(type))) {
            throw new IllegalArgumentException(layer.name() + ": layer type " + type + " is not registered, so a "
                    + "saved model could not be loaded; call LayerRegistry.register(" + type + ".class) with a "
                    + "static fromConfig(LayerConfig), or LayerRegistry.register(\"" + type + "\", config -> ...)");
        }
        return type;
    }

    /** The layer {@code config} describes, built by its type's factory. */
    public static Layer create(LayerConfig config) {
        Function<LayerConfig, Layer> factory = FACTORIES.get(config.type());
        if (factory == null) {
            String className = libraryClass(config.type());
            if (className == null) {
                throw new IllegalArgumentException("Unknown layer type '" + config.type() + "'; the library's "
                        + "layers and registered ones are known");
            }
            factory = factory(load(className));
            FACTORIES.put(config.type(), factory);
        }
        return factory.apply(config);
    }

    /** The library's class of layer type {@code type}, or null. */
    private static String libraryClass(String type) {
        for (String pkg : PACKAGES) {
            try {
                Class<?> found = Class.forName(pkg + type, false, LayerRegistry.class.getClassLoader());
                if (Layer.class.isAssignableFrom(found) && !Modifier.isAbstract(found.getModifiers())) {
                    return found.getName();
                }
            } catch (ClassNotFoundException e) {
                // not in this package; try the next
            }
        }
        return null;
    }

    private static Class<? extends Layer> load(String className) {
        try {
            return Class.forName(className).asSubclass(Layer.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " vanished from the class path", e);
        }
    }

    /** The class's {@code static fromConfig(LayerConfig)}, or its public no-argument constructor. */
    private static Function<LayerConfig, Layer> factory(Class<? extends Layer> type) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            MethodHandle fromConfig = lookup.findStatic(type, "fromConfig", MethodType.methodType(type,
                    LayerConfig.class));
            return config -> invoke(fromConfig, config);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            try {
                MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
                return config -> invoke(constructor, null);
            } catch (NoSuchMethodException | IllegalAccessException none) {
                throw new IllegalArgumentException(type.getSimpleName() + " has neither a public static "
                        + "fromConfig(LayerConfig) nor a public constructor without arguments");
            }
        }
    }

    private static Layer invoke(MethodHandle factory, LayerConfig config) {
        try {
            return (Layer) (config == null ? factory.invoke() : factory.invoke(config));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
