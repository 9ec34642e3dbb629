package io.backprop4j.layers.activations;

import io.backprop4j.layers.LayerType;
import io.backprop4j.layers.LayerTypes;
import java.util.List;

/** The layer types of the activations. */
public final class ActivationTypes implements LayerTypes {

    @Override
    public List<LayerType> types() {
        return List.of(ReLU.TYPE, LeakyReLU.TYPE, PReLU.TYPE, ELU.TYPE, SELU.TYPE, GELU.TYPE, SiLU.TYPE, Mish.TYPE,
                Softplus.TYPE, Sigmoid.TYPE, Tanh.TYPE, HardSigmoid.TYPE, HardTanh.TYPE, Softsign.TYPE, Sign.TYPE,
                Identity.TYPE, Softmax.TYPE, LogSoftmax.TYPE);
    }
}
