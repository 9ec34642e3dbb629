package io.backprop4j.cli.commands;

import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.schedules.ScheduleName;
import java.util.Arrays;
import java.util.List;

/**
 * The networks {@code train --model} builds, with their training defaults: the MLP with the recipe measured best in
 * 10 epochs (inputs standardized per feature, AdamW at a one-cycle peak of 0.004 per batch of 128, label smoothing
 * 0.1; docs/results/mlp-recipe.md), the CNN of PyTorch's MNIST example with that example's Adadelta (lr 1.0),
 * batch 64 and lr × 0.7 per epoch for 14 epochs, and the batch-normalized CNN ({@code Models.bnCnn}) with the
 * MLP's recipe on images shifted and flipped as they are drawn, for 10 epochs. Options given on the command line
 * override these defaults.
 */
enum ModelName {
    MLP("mlp", OptimizerName.ADAMW, 0.004, ScheduleName.ONE_CYCLE, 128, 10, 0.1, NormalizeName.STANDARDIZE, List.of()),
    CNN("cnn", OptimizerName.ADADELTA, 1.0, ScheduleName.STEP, 64, 14, 0, NormalizeName.NONE, List.of()),
    BN_CNN("bn-cnn", OptimizerName.ADAMW, 0.004, ScheduleName.ONE_CYCLE, 128, 10, 0.1, NormalizeName.NONE,
            List.of(AugmentName.CROP, AugmentName.FLIP));

    final String id;
    final OptimizerName optimizer;
    final double learningRate;
    final ScheduleName schedule;
    final int batchSize;
    final int epochs;
    final double labelSmoothing;
    /** The scaling of Fashion-MNIST's or MNIST's pixels (0–1 already). */
    final NormalizeName normalize;
    /** The training images' augmentation unless {@code --augment} says otherwise. */
    final List<AugmentName> augment;

    ModelName(String id, OptimizerName optimizer, double learningRate, ScheduleName schedule, int batchSize, int epochs,
            double labelSmoothing, NormalizeName normalize, List<AugmentName> augment) {
        this.id = id;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.labelSmoothing = labelSmoothing;
        this.normalize = normalize;
        this.augment = augment;
    }

    /** The network for images of {@code inputs} pixels; the CNNs need 28×28 and ignore hidden and activation. */
    Sequential build(int inputs, int[] hidden, ActivationName activation, int classes) {
        if (this != MLP && inputs != 28 * 28) {
            throw new IllegalArgumentException("--model " + id + " needs 28×28 images (784 pixels), got " + inputs);
        }
        return switch (this) {
            case MLP -> Models.mlp(inputs, hidden, activation::create, classes);
            case CNN -> Models.cnn(classes);
            case BN_CNN -> Models.bnCnn(classes);
        };
    }

    /**
     * The first layer's scaling unless {@code --normalize} says otherwise: the MLP standardizes every feature
     * (pixels or a table's columns alike); the CNNs take Fashion-MNIST's and MNIST's 0–1 pixels as they are and
     * rescale the user's own images to 0–1.
     */
    NormalizeName scaling(boolean ownData) {
        return this != MLP && ownData ? NormalizeName.RESCALE : normalize;
    }

    /** Softmax cross-entropy on the logits; NLL on the PyTorch-example CNN's log-softmax output (the same function). */
    Loss loss() {
        return this == CNN ? new NegativeLogLikelihood() : new SoftmaxCrossEntropy();
    }

    static ModelName of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown model '" + id + "'; expected mlp, cnn or bn-cnn"));
    }
}
