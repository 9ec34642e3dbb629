package io.backprop4j.cli.playground;

import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Backpropagation for one example, layer by layer, with the numbers. Forward: each Dense layer's
 * z = xW + b and each activation's a = f(z). Backward, from ∂J/∂z of the output: an activation multiplies by its
 * local derivative, ∂J/∂z = ∂J/∂a · ∂a/∂z (the chain rule), and a Dense layer gives ∂J/∂wᵢⱼ = xᵢ·∂J/∂zⱼ,
 * ∂J/∂bⱼ = ∂J/∂zⱼ and ∂J/∂xᵢ = Σⱼ wᵢⱼ·∂J/∂zⱼ. Every number comes from the layers' own forward and backward passes.
 */
final class Trace {

    private Trace() {
    }

    static Map<String, Object> of(Network network, Points points, List<Feature> features, int index,
            boolean regression) {
        double[] point = points.train()[index];
        INDArray target = points.trainSet().labels().getRow(index, true).dup();
        List<Layer> layers = network.model().layers();
        List<INDArray> values = new ArrayList<>();
        List<Map<String, Object>> forward = forward(layers, points.trainSet().features().getRow(index, true).dup(),
                values);
        INDArray output = values.get(layers.size());
        double loss = network.lossFunction().value(output, target);
        network.model().zeroGradients();
        List<Map<String, Object>> backward = backward(layers, values,
                network.lossFunction().gradient(output, target).dup());
        network.model().zeroGradients();
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("index", index);
        trace.put("point", List.of(point[0], point[1]));
        trace.put("features", features.stream().map(Feature::label).toList());
        trace.put("input", points.trainSet().features().getRow(index, true).toDoubleVector());
        trace.put("forward", forward);
        trace.put("output", output.getDouble(0));
        trace.put("prediction", regression ? output.getDouble(0)
                : Transforms.sigmoid(output.dup(), false).getDouble(0));
        trace.put("target", target.getDouble(0));
        trace.put("lossName", regression ? "(ŷ − t)²" : "−t·log σ(z) − (1 − t)·log(1 − σ(z))");
        trace.put("loss", loss);
        trace.put("backward", backward);
        return trace;
    }

    /** The forward stages from {@code x}; {@code values} receives each layer's input, then the output. */
    private static List<Map<String, Object>> forward(List<Layer> layers, INDArray x, List<INDArray> values) {
        List<Map<String, Object>> forward = new ArrayList<>();
        INDArray activation = x;
        for (Layer layer : layers) {
            values.add(activation);
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("input", activation.toDoubleVector());
            if (layer instanceof Dense dense) {
                stage.put("weights", dense.weights().value().toDoubleMatrix());
                stage.put("bias", dense.bias().value().toDoubleVector());
            }
            activation = layer.forward(activation, false).dup();
            stage.put("output", activation.toDoubleVector());
            forward.add(stage(layer, stage));
        }
        values.add(activation);
        return forward;
    }

    /** The backward stages, last layer first, from ∂J/∂output {@code gradient} and each layer's saved input. */
    private static List<Map<String, Object>> backward(List<Layer> layers, List<INDArray> inputs, INDArray gradOut) {
        List<Map<String, Object>> backward = new ArrayList<>();
        INDArray gradient = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            layer.forward(inputs.get(i), false);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("gradOutput", gradient.toDoubleVector());
            values.put("input", inputs.get(i).toDoubleVector());
            if (layer instanceof Dense dense) {
                gradient = dense.backward(gradient).dup();
                values.put("weights", dense.weights().value().toDoubleMatrix());
                values.put("weightGradient", dense.weights().gradient().toDoubleMatrix());
                values.put("biasGradient", dense.bias().gradient().toDoubleVector());
            } else {
                values.put("local", layer.backward(Nd4j.onesLike(gradient)).dup().toDoubleVector());
                layer.forward(inputs.get(i), false);
                gradient = layer.backward(gradient).dup();
            }
            values.put("gradInput", gradient.toDoubleVector());
            backward.add(stage(layer, values));
        }
        return backward;
    }

    private static Map<String, Object> stage(Layer layer, Map<String, Object> values) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("layer", layer.name());
        stage.put("kind", layer instanceof Dense ? "dense" : "activation");
        stage.putAll(values);
        return stage;
    }
}
