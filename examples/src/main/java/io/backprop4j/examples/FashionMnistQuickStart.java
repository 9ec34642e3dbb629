package io.backprop4j.examples;

import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.MnistDataset;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.callbacks.EpochLogger;
import io.backprop4j.optim.schedules.CosineAnnealing;
import java.io.IOException;
import java.nio.file.Path;

/** The README's image-classification program: the same run as {@code train --schedule cosine}, in Java. */
public final class FashionMnistQuickStart {

    public static void main(String[] args) throws IOException {
        MnistData data = MnistDataset.FASHION_MNIST.load();             // Debian's package, the cache, or a download
        Sequential model = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10).initialize(1);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.nesterov(0.05, 0.9))
                .schedule(new CosineAnnealing(0.05, 0, 10))
                .addCallback(new EpochLogger());
        trainer.fit(data.train(),
                Fit.epochs(10).batchSize(128).seed(1));   // 10 epochs, batches of 128, seed 1
        System.out.printf("test accuracy %.2f%%%n", 100 * Evaluation.of(model, data.test()).accuracy());
        ModelFile.save(model, Path.of("fashion-mlp.zip"));              // model.json + parameters/*.npy
        Sequential loaded = ModelFile.load(Path.of("fashion-mlp.zip")).model();
        System.out.println("reloaded: " + loaded.name());
    }
}
