package io.backprop4j.bench;

import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.MnistDataset;
import io.backprop4j.core.kernels.Threads;
import io.backprop4j.layers.models.Models;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import java.io.IOException;
import java.util.Locale;

/**
 * A newcomer's training program, for whole-process timing (docs/tools/default-threads.sh): the Fashion-MNIST
 * MLP 784-256-128-10, SGD-Nesterov, batch 128, 3 epochs. With the argument {@code explicit} it first calls
 * {@code Threads.setKernelThreads(1)}, as programs had to before the library set it by default; without it,
 * it makes no setup call. Prints one JSON line with the training loop's seconds.
 */
public final class NewcomerMlp {

    private NewcomerMlp() {
    }

    public static void main(String[] args) throws IOException {
        boolean explicit = args.length > 0 && args[0].equals("explicit");
        if (explicit) {
            Threads.setKernelThreads(1);
        }
        MnistData data = MnistDataset.FASHION_MNIST.loadOffline();
        Sequential model = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10).initialize(1);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.nesterov(0.05, 0.9));
        long start = System.nanoTime();
        trainer.fit(data.train(), Fit.epochs(3).batchSize(128).seed(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "{\"program\": \"%s\", \"kernel_threads\": %d, \"train_seconds\": %.3f, "
                + "\"samples_per_second\": %.0f}%n", explicit ? "explicit" : "no-setup-call", Threads.kernelThreads(),
                seconds, 3 * data.train().size() / seconds);
    }
}
