package io.backprop4j.optim.callbacks;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.Layer;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Trainer's checks for NaN and ±∞: in the data before training, in the gradients after each backward pass, and
 * in the weights and buffers before training and after each epoch. Σ|x| is non-finite exactly when an element is
 * (short of overflow past 3.4e38), and it is one BLAS call per array ({@link Kernels#absoluteSum}).
 */
public final class Finiteness {

    private Finiteness() {
    }

    /** Refuses data holding a NaN or ±∞, naming {@code what}, the row and the column. */
    public static void requireFinite(String what, DataSet data) {
        Shapes.requireFinite("Trainer", what + " features", data.features());
        Shapes.requireFinite("Trainer", what + " labels", data.labels());
    }

    /** Names the first parameter whose gradient holds a NaN or ±∞, or null. */
    public static String nonFiniteGradient(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (!Double.isFinite(Kernels.absoluteSum(p.gradient()))) {
                return "non-finite gradient of " + p.name();
            }
        }
        return null;
    }

    /**
     * Names the first parameter or buffer holding a NaN or ±∞, or null. A gradient can be finite while weights are
     * not (an update that overflowed, or a ReLU that hid a NaN), so the weights are checked after each epoch.
     */
    public static String nonFiniteState(Layer model) {
        for (Parameter p : model.parameters()) {
            if (!Double.isFinite(Kernels.absoluteSum(p.value()))) {
                return "non-finite values in parameter " + p.name();
            }
        }
        for (Map.Entry<String, INDArray> buffer : model.buffers().entrySet()) {
            if (Shapes.firstNonFinite(buffer.getValue()) != null) {
                return "non-finite values in buffer " + buffer.getKey();
            }
        }
        return null;
    }
}
