package io.backprop4j.bench;

import io.backprop4j.layers.Models;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Sgd;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training step of the Fashion-MNIST MLP 784-256-128-10 (ReLU, softmax cross-entropy, SGD with
 * Nesterov momentum 0.9) on a fixed random batch: forward, loss, backward, optimizer step.
 */
final class MlpStep {

    final Sequential model = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10).initialize(1);
    final INDArray x;
    final INDArray labels;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final Sgd optimizer = Sgd.nesterov(0.01, 0.9);

    MlpStep(int batch) {
        x = Nd4j.rand(DataType.FLOAT, batch, 784);
        labels = Nd4j.zeros(DataType.FLOAT, batch, 10);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % 10, 1);
        }
    }

    /** Returns the batch's loss. */
    double run() {
        INDArray logits = model.forward(x, true);
        double value = loss.value(logits, labels);
        model.zeroGradients();
        model.backwardParameters(loss.gradient(logits, labels));
        optimizer.step(model.parameters());
        return value;
    }
}
