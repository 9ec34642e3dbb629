package io.backprop4j.cli.commands;

import io.backprop4j.layers.models.Models;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.schedules.ScheduleName;
import java.util.Arrays;

/**
 * The networks {@code train --model} builds, with the training defaults of the example each comes from:
 * the MLP with Nesterov SGD (lr 0.05, batch 128, constant rate), and the CNN of PyTorch's MNIST example
 * with Adadelta (lr 1.0), batch 64 and lr × 0.7 per epoch for 14 epochs. Options given on the command line
 * override these defaults.
 */
enum ModelName {
    MLP("mlp", OptimizerName.NESTEROV, ScheduleName.CONSTANT, 128, 10),
    CNN("cnn", OptimizerName.ADADELTA, ScheduleName.STEP, 64, 14);

    final String id;
    final OptimizerName optimizer;
    final ScheduleName schedule;
    final int batchSize;
    final int epochs;

    ModelName(String id, OptimizerName optimizer, ScheduleName schedule, int batchSize, int epochs) {
        this.id = id;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.epochs = epochs;
    }

    /** The network for images of {@code inputs} pixels; the CNN needs 28×28 and ignores hidden and activation. */
    Sequential build(int inputs, int[] hidden, ActivationName activation, int classes) {
        if (this == CNN && inputs != 28 * 28) {
            throw new IllegalArgumentException("--model cnn needs 28×28 images (784 pixels), got " + inputs);
        }
        return this == CNN ? Models.cnn(classes) : Models.mlp(inputs, hidden, activation::create, classes);
    }

    /** Softmax cross-entropy on the MLP's logits; NLL on the CNN's log-softmax output (the same function). */
    Loss loss() {
        return this == CNN ? new NegativeLogLikelihood() : new SoftmaxCrossEntropy();
    }

    static ModelName of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown model '" + id + "'; expected mlp or cnn"));
    }
}
