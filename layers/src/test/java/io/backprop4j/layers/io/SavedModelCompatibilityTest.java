package io.backprop4j.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backprop4j.core.Npy;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model file written by an earlier release (2026-12-07: every layer type of that release, from Normalization and
 * convolutions to Maxout and each activation) loads and predicts what it predicted when it was written.
 */
class SavedModelCompatibilityTest {

    private static final Path SAVED = Path.of("src", "test", "resources", "saved-models");

    @Test
    void aModelFileOfAnEarlierReleaseLoadsAndPredictsAsItDid() throws Exception {
        ModelFile.Saved saved = ModelFile.load(SAVED.resolve("model-2026-12-07.zip"));
        INDArray x = Npy.fromBytes(Files.readAllBytes(SAVED.resolve("x.npy")), "x.npy");
        INDArray expected = Npy.fromBytes(Files.readAllBytes(SAVED.resolve("y.npy")), "y.npy");
        Sequential model = saved.model();
        assertEquals(28, model.layers().size());
        assertEquals(List.of("a", "b", "c", "d", "e"), saved.classNames());
        assertArrayEquals(expected.data().asFloat(), Model.of(model).predict(x).data().asFloat(), 1e-5f);
    }
}
