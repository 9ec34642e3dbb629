package io.backprop4j.layers.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.data.Fuzz;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.models.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated PyTorch state_dict archives into {@link StateDict#load}, seeded: each is loaded or refused with a
 * {@link FileFormatException} naming the file; nothing else escapes and nothing hangs.
 */
class StateDictFuzzTest {

    @TempDir
    Path directory;

    @Test
    void mutatedStateDictsAreLoadedOrRefusedCleanly() throws IOException {
        Path valid = directory.resolve("valid.npz");
        StateDict.save(Models.mlp(6, new int[] {5}, ReLU::new, 3), valid);
        byte[] bytes = Files.readAllBytes(valid);
        int refused = Fuzz.refusals(directory.resolve("fuzz.npz"), bytes, 1500, 5,
                file -> {
                    StateDict.load(Models.mlp(6, new int[] {5}, ReLU::new, 3), file);
                    return file;
                });
        assertTrue(refused > 1000, "most damaged archives are refused: " + refused);
    }
}
