package io.backprop4j.cli.report;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import java.util.List;

/**
 * Vanishing gradients: the Frobenius norm ‖∂J/∂W_l‖ of each dense layer's weight gradient in a freshly
 * initialized deep network, averaged over the first {@code batches} batches of the data (no weight is
 * changed). In a sigmoid network each layer multiplies the backward signal by σ' ≤ 1/4, so the norms
 * shrink towards the input; ReLU passes it through with factor 1 where units are active.
 */
final class GradientFlow {

    private GradientFlow() {
    }

    /** Mean ‖∂J/∂W_l‖ per weight matrix, from the input layer (index 0) to the output layer. */
    static double[] weightGradientNorms(Sequential model, DataSet data, int batchSize, int batches) {
        List<Parameter> weights = model.parameters().stream().filter(p -> p.name().endsWith("weights")).toList();
        double[] norms = new double[weights.size()];
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        int measured = 0;
        for (DataSet batch : Batches.inOrder(data, batchSize)) {
            if (measured == batches) {
                break;
            }
            model.zeroGradients();
            var logits = model.forward(batch.features(), true);
            model.backwardParameters(loss.gradient(logits, batch.labels()));
            for (int l = 0; l < norms.length; l++) {
                norms[l] += weights.get(l).gradient().norm2Number().doubleValue();
            }
            measured++;
        }
        for (int l = 0; l < norms.length; l++) {
            norms[l] /= measured;
        }
        return norms;
    }
}
