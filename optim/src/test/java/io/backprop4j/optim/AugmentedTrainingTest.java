package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.MnistDataset;
import io.backprop4j.core.data.augment.Augmentation;
import io.backprop4j.core.data.augment.RandomCrop;
import io.backprop4j.core.data.augment.RandomErasing;
import io.backprop4j.core.data.augment.RandomHorizontalFlip;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** Training with augmented images: reproducible, resumable to the same bits, and still learning. */
class AugmentedTrainingTest {

    private static final Augmentation AUGMENTATION = Augmentation.images(1, 28, 28, new RandomCrop(2),
            new RandomHorizontalFlip(), new RandomErasing(0.5));

    @TempDir
    Path directory;

    @Test
    void anAugmentedRunResumesFromItsCheckpointToTheSameBits() throws IOException {
        DataSet train = MnistDataset.FASHION_MNIST.loadOffline().train().range(0, 600);
        Sequential uninterrupted = Models.mlp(784, new int[] {32}, ReLU::new, 10).initialize(3);
        Sequential first = Models.mlp(784, new int[] {32}, ReLU::new, 10).initialize(3);
        Fit fit = Fit.epochs(3).batchSize(64).seed(5).augment(AUGMENTATION);
        new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.003)).fit(uninterrupted, train, fit);

        Path file = directory.resolve("augmented.ckpt");
        new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.003)).checkpointEachEpoch(file, Map.of())
                .fit(first, train, Fit.epochs(1).batchSize(64).seed(5).augment(AUGMENTATION));
        Checkpoint checkpoint = Checkpoint.load(file);
        new Trainer(checkpoint.model(), new SoftmaxCrossEntropy(), Optimizers.adam(0.003)).resume(checkpoint, train,
                fit);

        List<double[]> expected = weights(uninterrupted);
        List<double[]> actual = weights(checkpoint.model());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }

    /** 500 training images, crops, flips and erasing: the test accuracy on 1,000 others is above 70%. */
    @Test
    void aFewHundredAugmentedImagesStillLearn() throws IOException {
        MnistData data = MnistDataset.FASHION_MNIST.loadOffline();
        Sequential network = Models.mlp(784, new int[] {128}, ReLU::new, 10).initialize(1);
        new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.002)).fit(network, data.train().range(0, 500),
                Fit.epochs(15).batchSize(50).seed(2).augment(AUGMENTATION));
        double accuracy = Evaluation.of(network, data.test().range(0, 1000)).accuracy();
        assertTrue(accuracy > 0.7, "accuracy " + accuracy);
    }

    private static List<double[]> weights(Sequential model) {
        return model.parameters().stream().map(p -> p.value().castTo(DataType.DOUBLE).data().asDouble()).toList();
    }
}
