package io.backprop4j.layers.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.data.Fuzz;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.models.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
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
        Random random = new Random(5);
        Path file = directory.resolve("fuzz.npz");
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            Files.write(file, Fuzz.mutate(bytes, random));
            Sequential network = Models.mlp(6, new int[] {5}, ReLU::new, 3);
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> StateDict.load(network, file));
            } catch (Throwable error) {
                if (!(error instanceof FileFormatException)) {
                    throw new AssertionError("undocumented failure for input " + i + ": " + error, error);
                }
                assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 1000, "most damaged archives are refused: " + refused);
    }
}
