package io.backprop4j.cli;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.models.Models;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Checkpoint;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training process for {@link CrashResumeTest} to kill: trains a 64-512-512-10 MLP with Adam on
 * synthetic data for {@code EPOCHS} epochs, writing a checkpoint after each, resuming from it when it
 * exists, and finally saving the model. Arguments: the checkpoint file and the final model file.
 */
public final class CrashableTraining {

    static final int EPOCHS = 8;

    public static void main(String[] args) throws IOException {
        Path checkpointFile = Path.of(args[0]);
        Path modelFile = Path.of(args[1]);
        DataSet data = data();
        Sequential model;
        if (Files.exists(checkpointFile)) {
            Checkpoint checkpoint = Checkpoint.load(checkpointFile);
            model = checkpoint.model();
            if (checkpoint.epoch() < EPOCHS) {
                trainer(model, checkpointFile).resume(checkpoint, data, Fit.epochs(EPOCHS).batchSize(50));
            }
        } else {
            model = Models.mlp(64, new int[] {512, 512}, ReLU::new, 10).initialize(3);
            trainer(model, checkpointFile).fit(data, Fit.epochs(EPOCHS).batchSize(50).seed(3));
        }
        ModelFile.save(model, modelFile);
    }

    private static Trainer trainer(Sequential model, Path checkpointFile) {
        return new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.001)).checkpointEachEpoch(checkpointFile,
                Map.of());
    }

    /** 1,000 examples of 64 Gaussian features, labelled by which of 10 fixed directions they lean to. */
    private static DataSet data() {
        Rng rng = new Rng(1);
        float[][] x = new float[1000][64];
        float[][] y = new float[1000][10];
        for (int i = 0; i < 1000; i++) {
            int k = i % 10;
            for (int j = 0; j < 64; j++) {
                x[i][j] = (float) rng.nextGaussian() + (j % 10 == k ? 0.5f : 0);
            }
            y[i][k] = 1;
        }
        return new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }
}
