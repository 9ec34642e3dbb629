package io.backprop4j.layers.activations;

import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.OnnxBuilder;
import java.util.Map;

/**
 * The self-normalizing ELU (Klambauer et al. 2017): λ·ELU_α(s) with α = 1.6732632423543772 and
 * λ = 1.0507009873554805, the constants PyTorch and Keras use.
 */
public final class SELU extends ELU {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("SELU", SELU.class, SELU::new);

    public static final double ALPHA = 1.6732632423543772;
    public static final double LAMBDA = 1.0507009873554805;

    public SELU() {
        super(ALPHA, LAMBDA);
    }

    /** None: α and λ are fixed. */
    @Override
    public Map<String, Object> config() {
        return Map.of();
    }

    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Selu", Map.of("alpha", ALPHA, "gamma", LAMBDA), x);
    }
}
