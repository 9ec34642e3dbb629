package io.backprop4j.cli.playground;

import io.backprop4j.core.Parameter;
import io.backprop4j.optim.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps a copy of every parameter's gradient ∂J/∂θ of the last batch the Trainer stepped on. For a Dense layer
 * z = xW + b the bias gradient ∂J/∂b_j = Σₙ δₙⱼ is the batch's error signal δ of neuron j.
 */
final class GradientRecorder implements Callback {

    private final List<INDArray> gradients = new ArrayList<>();

    @Override
    public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
        if (gradients.size() != parameters.size()) {
            gradients.clear();
            parameters.forEach(p -> gradients.add(p.gradient().dup()));
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            gradients.get(i).assign(parameters.get(i).gradient());
        }
    }

    /** The gradients of the last batch, in the order of the model's parameters; empty before the first step. */
    List<INDArray> gradients() {
        return gradients;
    }
}
