package io.backprop4j.layers.activations;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The element-wise hidden-layer activations by short name (as on the command line, e.g.
 * {@code --activation leaky-relu}), each with its default constructor: one list for the command line,
 * the benchmarks and the activation report.
 */
public enum ActivationName {
    RELU("relu", ReLU::new),
    LEAKY_RELU("leaky-relu", LeakyReLU::new),
    PRELU("prelu", PReLU::new),
    ELU_("elu", ELU::new),
    SELU_("selu", SELU::new),
    GELU_("gelu", GELU::new),
    SILU("silu", SiLU::new),
    MISH("mish", Mish::new),
    SOFTPLUS("softplus", Softplus::new),
    SIGMOID("sigmoid", Sigmoid::new),
    TANH("tanh", Tanh::new),
    SOFTSIGN("softsign", Softsign::new);

    private final String id;
    private final Supplier<Activation> constructor;

    ActivationName(String id, Supplier<Activation> constructor) {
        this.id = id;
        this.constructor = constructor;
    }

    public String id() {
        return id;
    }

    /** A new activation layer of this kind, with its default parameters. */
    public Activation create() {
        return constructor.get();
    }

    public static ActivationName of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown activation '" + id + "'; expected one of " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(a -> a.id).toList().toString();
    }
}
