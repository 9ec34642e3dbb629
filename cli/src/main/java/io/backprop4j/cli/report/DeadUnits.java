package io.backprop4j.cli.report;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dead ReLUs: a unit is dead on a data set when its output max(0, s) is zero for every example, so no
 * gradient reaches its incoming weights and it cannot recover. A too-large learning-rate step can push a
 * unit's bias and weights to where s &lt; 0 for all inputs.
 */
final class DeadUnits {

    private DeadUnits() {
    }

    /** The fraction of dead units in each ReLU layer of {@code model} on {@code data}, first layer first. */
    static double[] fractions(Sequential model, DataSet data) {
        List<Double> fractions = new ArrayList<>();
        INDArray activation = data.features();
        for (Layer layer : model.layers()) {
            activation = layer.forward(activation, false);
            if (layer instanceof ReLU) {
                double alive = activation.max(0).gt(0).castTo(activation.dataType()).sumNumber().doubleValue();
                fractions.add(1 - alive / activation.columns());
            }
        }
        return fractions.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
