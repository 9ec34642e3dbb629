package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.data.Fuzz;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mutated checkpoints into {@link Checkpoint#load}, seeded: each is loaded or refused with a
 * {@link FileFormatException} naming the file; nothing else escapes and nothing hangs.
 */
class CheckpointFuzzTest {

    @TempDir
    Path directory;

    @Test
    void mutatedCheckpointsAreLoadedOrRefusedCleanly() throws IOException {
        Sequential model = Models.mlp(4, new int[] {5}, ReLU::new, 3);
        DataSet data = new DataSet(Nd4j.rand(12, 4), Nd4j.createFromArray(0f, 1f, 2f, 0f, 1f, 2f, 0f, 1f, 2f, 0f, 1f,
                2f));
        Path valid = directory.resolve("valid.ckpt");
        new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.01)).checkpointEachEpoch(valid, Map.of())
                .fit(model, data, Fit.epochs(1).batchSize(4).seed(1));
        byte[] bytes = Files.readAllBytes(valid);
        int refused = Fuzz.refusals(directory.resolve("fuzz.ckpt"), bytes, 1500, 9, Checkpoint::load);
        assertTrue(refused > 1000, "most damaged checkpoints are refused: " + refused);
    }
}
