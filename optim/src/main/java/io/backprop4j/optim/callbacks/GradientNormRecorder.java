package io.backprop4j.optim.callbacks;

import io.backprop4j.core.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records ‖∂J/∂θ‖₂ of every parameter at every batch, e.g. to watch gradients vanish layer by layer in
 * a deep sigmoid network. {@link #history(String)} gives one parameter's norms in batch order.
 */
public final class GradientNormRecorder implements Callback {

    private final Map<String, List<Double>> norms = new LinkedHashMap<>();

    @Override
    public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
        for (Parameter p : parameters) {
            norms.computeIfAbsent(p.name(), name -> new ArrayList<>()).add(p.gradient().norm2Number().doubleValue());
        }
    }

    public List<Double> history(String parameter) {
        return norms.getOrDefault(parameter, List.of());
    }

    /** Mean gradient norm per parameter over every recorded batch, in the model's parameter order. */
    public Map<String, Double> meanNorms() {
        Map<String, Double> means = new LinkedHashMap<>();
        norms.forEach((name, values) -> means.put(name, values.stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN)));
        return means;
    }
}
