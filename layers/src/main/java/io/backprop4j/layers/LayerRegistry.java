package io.backprop4j.layers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Layer types by name, so that a saved model is readable JSON ({@code {"type": "Dense", "config": {"in":
 * 784, "out": 256, "init": "HE_NORMAL"}}}) that does not depend on Java packages. Each layer class declares its
 * {@link LayerType} beside its code; the library's are listed per package ({@link LayerTypes}, found by
 * {@link ServiceLoader}), and a layer of one's own joins with {@link #register(LayerType)} (or
 * {@link #register(Class)} for a class with a {@code public static fromConfig(LayerConfig)} or a public constructor
 * without arguments), as Keras's custom objects do.
 */
public final class LayerRegistry {

    private static final Map<String, LayerType> BY_NAME = new ConcurrentHashMap<>();
    private static final Map<Class<?>, LayerType> BY_CLASS = new ConcurrentHashMap<>();

    static {
        for (LayerTypes library : ServiceLoader.load(LayerTypes.class, LayerRegistry.class.getClassLoader())) {
            library.types().forEach(LayerRegistry::register);
        }
    }

    private LayerRegistry() {
    }

    /** Makes {@code type} loadable and savable under its name. */
    public static void register(LayerType type) {
        BY_NAME.put(type.name(), type);
        BY_CLASS.put(type.type(), type);
    }

    /** Makes {@code type} loadable: {@code factory} rebuilds the layer from its saved configuration. */
    public static void register(String type, Function<LayerConfig, Layer> factory) {
        BY_NAME.put(type, new LayerType(type, Layer.class, factory));
    }

    /** Makes a layer class of one's own loadable through its {@code fromConfig} or no-argument constructor. */
    public static void register(Class<? extends Layer> type) {
        register(new LayerType(type.getSimpleName(), type, factory(type)));
    }

    /** The saved type name of {@code layer}; refuses layers that could not be loaded again. */
    public static String typeOf(Layer layer) {
        LayerType type = BY_CLASS.get(layer.getClass());
        if (type != null) {
            return type.name();
        }
        String name = layer.getClass().getSimpleName();
        if (BY_NAME.containsKey(name) && BY_NAME.get(name).type() == Layer.class) {
            return name;
        }
        throw new IllegalArgumentException(layer.name() + ": layer type " + name + " is not registered, so a "
                + "saved model could not be loaded; call LayerRegistry.register(" + name + ".class) with a "
                + "static fromConfig(LayerConfig), or LayerRegistry.register(\"" + name + "\", config -> ...)");
    }

    /** The layer {@code config} describes, built by its type's factory. */
    public static Layer create(LayerConfig config) {
        LayerType type = BY_NAME.get(config.type());
        if (type == null) {
            throw new IllegalArgumentException("Unknown layer type '" + config.type() + "'; the library's "
                    + "layers and registered ones are known");
        }
        return type.factory().apply(config);
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
