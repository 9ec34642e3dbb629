package io.backprop4j.examples;

import io.backprop4j.layers.activations.Activation;
import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.Mish;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.SiLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import java.util.Arrays;
import java.util.function.Supplier;

/** Hidden-layer activations by their command-line names, e.g. {@code --activation leaky-relu}. */
enum ActivationName {
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

    final String id;
    final Supplier<Activation> constructor;

    ActivationName(String id, Supplier<Activation> constructor) {
        this.id = id;
        this.constructor = constructor;
    }

    static ActivationName of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown activation '" + id + "'; expected one of " + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(a -> a.id).toList().toString();
    }
}
