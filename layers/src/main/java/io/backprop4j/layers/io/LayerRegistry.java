package io.backprop4j.layers.io;

import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.Flatten;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Maxout;
import io.backprop4j.layers.Normalization;
import io.backprop4j.layers.Reshape;
import io.backprop4j.layers.Residual;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import io.backprop4j.layers.activations.Identity;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.Mish;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.SiLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Sign;
import io.backprop4j.layers.activations.Softmax;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.conv.AvgPool2d;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.conv.MaxPool2d;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Layer types by name, so that a saved model is readable JSON ({@code {"type": "Dense", "config": {"in":
 * 784, "out": 256, "init": "HE_NORMAL"}}}) that does not depend on Java class names. A layer's type is its
 * class's simple name; user-defined layers join with {@link #register}, as Keras's custom objects do.
 */
public final class LayerRegistry {

    private static final Map<String, Function<LayerConfig, Layer>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register("Dense", c -> new Dense(c.integer("in"), c.integer("out"), c.constant("init", WeightInit.class),
                c.dataType()));
        register("Maxout", c -> new Maxout(c.integer("in"), c.integer("out"), c.integer("pieces"), c.dataType()));
        register("Conv2d", c -> new Conv2d(c.integer("inChannels"), c.integer("outChannels"), c.integer("kernel"),
                c.integer("stride"), c.integer("padding"), c.flag("bias"), c.constant("init", WeightInit.class),
                c.dataType()));
        register("MaxPool2d", c -> new MaxPool2d(c.integer("kernel"), c.integer("stride"), c.integer("padding")));
        register("AvgPool2d", c -> new AvgPool2d(c.integer("kernel"), c.integer("stride"), c.integer("padding")));
        register("BatchNorm", c -> new BatchNorm(c.integer("features"), c.real("epsilon"), c.real("momentum"),
                c.dataType()));
        register("Dropout", c -> new Dropout(c.real("p")));
        register("Sequential", c -> Sequential.of(c.layers("layers").toArray(Layer[]::new)));
        register("Residual", c -> c.has("projection") ? new Residual(c.layer("body"), c.layer("projection"))
                : new Residual(c.layer("body")));
        register("Normalization", c -> new Normalization(c.integer("features"), c.dataType()));
        register("Reshape", c -> new Reshape(c.sizes("shape")));
        withoutArguments("Flatten", Flatten::new);
        register("PReLU", c -> new PReLU(c.integer("features"), c.dataType()));
        register("LeakyReLU", c -> new LeakyReLU(c.real("alpha")));
        register("ELU", c -> new ELU(c.real("alpha")));
        withoutArguments("Identity", Identity::new);
        withoutArguments("Sign", Sign::new);
        withoutArguments("Sigmoid", Sigmoid::new);
        withoutArguments("Tanh", Tanh::new);
        withoutArguments("ReLU", ReLU::new);
        withoutArguments("SELU", SELU::new);
        register("Softplus", c -> c.has("beta") ? new Softplus(c.real("beta"), c.real("threshold")) : new Softplus());
        register("GELU", c -> new GELU(c.has("approximate") && c.text("approximate").equals("tanh")));
        withoutArguments("SiLU", SiLU::new);
        withoutArguments("HardSigmoid", HardSigmoid::new);
        withoutArguments("HardTanh", HardTanh::new);
        withoutArguments("Softsign", Softsign::new);
        withoutArguments("Mish", Mish::new);
        withoutArguments("Softmax", Softmax::new);
        withoutArguments("LogSoftmax", LogSoftmax::new);
    }

    private LayerRegistry() {
    }

    /** Makes {@code type} loadable: {@code factory} rebuilds the layer from its saved configuration. */
    public static void register(String type, Function<LayerConfig, Layer> factory) {
        FACTORIES.put(type, factory);
    }

    private static void withoutArguments(String type, Supplier<Layer> constructor) {
        register(type, c -> constructor.get());
    }

    /** The saved type name of {@code layer}; refuses layers that could not be loaded again. */
    public static String typeOf(Layer layer) {
        String type = layer.getClass().getSimpleName();
        if (!FACTORIES.containsKey(type)) {
            throw new IllegalArgumentException(layer.name() + ": layer type " + type + " is not registered, so a "
                    + "saved model could not be loaded; call LayerRegistry.register(\"" + type + "\", config -> ...)");
        }
        return type;
    }

    public static Layer create(LayerConfig config) {
        Function<LayerConfig, Layer> factory = FACTORIES.get(config.type());
        if (factory == null) {
            throw new IllegalArgumentException("Unknown layer type '" + config.type() + "'; known types: "
                    + new TreeSet<>(FACTORIES.keySet()));
        }
        return factory.apply(config);
    }
}
