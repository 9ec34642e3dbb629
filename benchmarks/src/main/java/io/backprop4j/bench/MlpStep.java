package io.backprop4j.bench;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.models.Models;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.Optimizers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training step of the Fashion-MNIST MLP 784-256-128-10 (ReLU, softmax cross-entropy, SGD with
 * Nesterov momentum 0.9) on a fixed random batch: forward, loss, backward, optimizer step; and, for
 * comparison, the same step's matrix products alone ({@link #gemms}).
 */
final class MlpStep {

    private static final int[] SIZES = {784, 256, 128, 10};

    final Sequential model = Models.mlp(SIZES[0], new int[] {SIZES[1], SIZES[2]}, ReLU::new, SIZES[3]).initialize(1);
    final INDArray x;
    final INDArray labels;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final Optimizer optimizer = Optimizers.fusedMomentum(0.01, 0.9, true);
    private final INDArray ones;
    private final INDArray[] activations = new INDArray[SIZES.length];
    private final INDArray[] weights = new INDArray[SIZES.length - 1];
    private final INDArray[] biases = new INDArray[SIZES.length - 1];

    MlpStep(int batch) {
        x = Nd4j.rand(DataType.FLOAT, batch, SIZES[0]);
        labels = Nd4j.zeros(DataType.FLOAT, batch, SIZES[3]);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % SIZES[3], 1);
        }
        ones = Nd4j.ones(DataType.FLOAT, batch, 1);
        activations[0] = x;
        for (int l = 0; l < weights.length; l++) {
            weights[l] = Nd4j.rand(DataType.FLOAT, SIZES[l], SIZES[l + 1]);
            biases[l] = Nd4j.rand(DataType.FLOAT, 1, SIZES[l + 1]);
            activations[l + 1] = Nd4j.rand(DataType.FLOAT, batch, SIZES[l + 1]);
        }
    }

    /**
     * The step's matrix products alone, as {@link io.backprop4j.layers.Dense} computes them: per layer
     * {@code Z = 1·b}, {@code Z += X·W}, {@code ∂W = Xᵀ·δ}, {@code ∂b = 1ᵀ·δ} (written over the zeroed
     * gradients, β = 0), and {@code ∂X = δ·Wᵀ} for all but the first. Activations stand in for the deltas (same
     * shapes).
     */
    double gemms() {
        for (int l = 0; l < weights.length; l++) {
            Kernels.gemm(ones, biases[l], activations[l + 1], false, false, 1.0, 0.0);
            Kernels.gemm(activations[l], weights[l], activations[l + 1], false, false, 1.0, 1.0);
        }
        for (int l = weights.length - 1; l >= 0; l--) {
            INDArray delta = activations[l + 1];
            Kernels.gemm(activations[l], delta, weights[l], true, false, 1.0, 0.0);
            Kernels.gemm(ones, delta, biases[l], true, false, 1.0, 0.0);
            if (l > 0) {
                Kernels.gemm(delta, weights[l], activations[l], false, true, 1.0, 0.0);
            }
        }
        return activations[SIZES.length - 1].getDouble(0);
    }

    /** Returns the batch's loss. */
    double run() {
        Loss.Result evaluated = loss.evaluate(model.forward(x, true), labels);
        model.zeroGradients();
        model.backwardParameters(evaluated.gradient());
        optimizer.step(model.parameters());
        return evaluated.value();
    }
}
