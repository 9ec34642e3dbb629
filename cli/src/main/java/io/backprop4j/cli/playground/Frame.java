package io.backprop4j.cli.playground;

import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One picture of a session for the page: every neuron's output over a {@link #GRID}×{@link #GRID} grid of the
 * plane [−1, 1]² (the input features first, the network's output last), the weights, the last batch's
 * gradients ∂J/∂W and δ = ∂J/∂b, each layer's gradient norm ‖∂J/∂W‖, and the losses.
 *
 * <p>Each neuron's grid is sent as bytes: q = round(127.5·(v/m + 1)) for m = max |v| (at least 1e-9), which the
 * page maps back to v = m·(2q/255 − 1). A classifier's output is shown as 2σ(z) − 1, in [−1, 1] like the rest.
 */
final class Frame {

    static final int GRID = 40;

    private Frame() {
    }

    /** The grid's points as rows (x₁, x₂, 0), row by row from x₂ = 1 at the top, x₁ = −1 at the left. */
    static double[][] gridPoints() {
        double[][] points = new double[GRID * GRID][3];
        for (int row = 0; row < GRID; row++) {
            for (int column = 0; column < GRID; column++) {
                points[row * GRID + column][0] = -1 + (column + 0.5) * 2 / GRID;
                points[row * GRID + column][1] = 1 - (row + 0.5) * 2 / GRID;
            }
        }
        return points;
    }

    static Map<String, Object> of(Network network, INDArray gridFeatures, boolean regression) {
        List<List<Map<String, Object>>> neurons = new ArrayList<>();
        neurons.add(columns(gridFeatures));
        INDArray x = gridFeatures;
        List<Layer> layers = network.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x, false);
            boolean lastDense = i == layers.size() - 1;
            if (lastDense) {
                INDArray output = regression ? x : Transforms.sigmoid(x, true).muli(2).subi(1);
                neurons.add(columns(output));
            } else if (!(layers.get(i) instanceof Dense)) {
                neurons.add(columns(x));
            }
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("grid", GRID);
        frame.put("neurons", neurons);
        frame.put("weights", denseArrays(network, false));
        frame.put("gradients", network.recorder().gradients().isEmpty() ? null : denseArrays(network, true));
        frame.put("gradientNorms", gradientNorms(network));
        return frame;
    }

    private static List<Map<String, Object>> columns(INDArray values) {
        float[][] rows = values.castTo(DataType.FLOAT).toFloatMatrix();
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int j = 0; j < rows[0].length; j++) {
            double m = 1e-9;
            for (float[] row : rows) {
                m = Math.max(m, Math.abs(row[j]));
            }
            byte[] bytes = new byte[rows.length];
            for (int i = 0; i < rows.length; i++) {
                bytes[i] = (byte) Math.round(127.5 * (rows[i][j] / m + 1));
            }
            columns.add(Map.of("scale", m, "values", Base64.getEncoder().encodeToString(bytes)));
        }
        return columns;
    }

    /** Per Dense layer its {@code w} [in][out] and {@code b} [out]: the weights, or the last batch's gradients. */
    private static List<Map<String, Object>> denseArrays(Network network, boolean gradients) {
        List<Map<String, Object>> arrays = new ArrayList<>();
        int parameter = 0;
        for (Layer layer : network.model().layers()) {
            if (layer instanceof Dense dense) {
                INDArray w = gradients ? network.recorder().gradients().get(parameter) : dense.weights().value();
                INDArray b = gradients ? network.recorder().gradients().get(parameter + 1) : dense.bias().value();
                arrays.add(Map.of("w", w.toDoubleMatrix(), "b", b.toDoubleVector()));
            }
            parameter += layer.parameters().size();
        }
        return arrays;
    }

    /** ‖∂J/∂W‖₂ of each Dense layer's weights for the last batch, first layer first: the vanishing-gradient strip. */
    private static List<Double> gradientNorms(Network network) {
        List<INDArray> gradients = network.recorder().gradients();
        List<Double> norms = new ArrayList<>();
        int parameter = 0;
        for (Layer layer : network.model().layers()) {
            if (layer instanceof Dense && !gradients.isEmpty()) {
                norms.add(gradients.get(parameter).norm2Number().doubleValue());
            }
            parameter += layer.parameters().size();
        }
        return norms;
    }
}
