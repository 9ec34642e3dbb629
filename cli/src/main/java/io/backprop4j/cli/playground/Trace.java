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
        INDArray x = points.trainSet().features().getRow(index, true).dup();
        INDArray target = points.trainSet().labels().getRow(index, true).dup();
        List<Layer> layers = network.model().layers();
        List<INDArray> inputs = new ArrayList<>();
        List<Map<String, Object>> forward = new ArrayList<>();
        for (Layer layer : layers) {
            inputs.add(x);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("input", x.toDoubleVector());
            if (layer instanceof Dense dense) {
                values.put("weights", dense.weights().value().toDoubleMatrix());
                values.put("bias", dense.bias().value().toDoubleVector());
            }
            x = layer.forward(x, false).dup();
            values.put("output", x.toDoubleVector());
            forward.add(stage(layer, values));
        }
        INDArray output = x;
        double loss = network.lossFunction().value(output, target);
        INDArray gradient = network.lossFunction().gradient(output, target).dup();
        network.model().zeroGradients();
        List<Map<String, Object>> backward = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            layer.forward(inputs.get(i), false);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("gradOutput", gradient.toDoubleVector());
            if (layer instanceof Dense dense) {
                INDArray gradInput = dense.backward(gradient).dup();
                values.put("input", inputs.get(i).toDoubleVector());
                values.put("weights", dense.weights().value().toDoubleMatrix());
                values.put("weightGradient", dense.weights().gradient().toDoubleMatrix());
                values.put("biasGradient", dense.bias().gradient().toDoubleVector());
                values.put("gradInput", gradInput.toDoubleVector());
                gradient = gradInput;
            } else {
                INDArray local = layer.backward(Nd4j.onesLike(gradient)).dup();
                layer.forward(inputs.get(i), false);
                INDArray gradInput = layer.backward(gradient).dup();
                values.put("input", inputs.get(i).toDoubleVector());
                values.put("local", local.toDoubleVector());
                values.put("gradInput", gradInput.toDoubleVector());
                gradient = gradInput;
            }
            backward.add(stage(layer, values));
        }
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

    private static Map<String, Object> stage(Layer layer, Map<String, Object> values) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("layer", layer.name());
        stage.put("kind", layer instanceof Dense ? "dense" : "activation");
        stage.putAll(values);
        return stage;
    }
}
