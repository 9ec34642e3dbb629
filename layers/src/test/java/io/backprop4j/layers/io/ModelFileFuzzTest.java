package io.backprop4j.layers.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Archive;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.data.Fuzz;
import io.backprop4j.layers.models.Models;
import io.backprop4j.layers.activations.PReLU;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated files into the model loader, at two depths: the zip file's bytes, and the entries
 * inside a well-formed zip (the JSON manifest and the .npy arrays). Each is loaded or refused with a
 * {@link FileFormatException}; nothing else escapes and nothing hangs.
 */
class ModelFileFuzzTest {

    @TempDir
    Path directory;

    @Test
    void mutatedZipFilesAreRefusedCleanly() throws IOException {
        Path valid = directory.resolve("valid.zip");
        ModelFile.save(Models.mlp(6, new int[] {5}, PReLU::new, 3), valid);
        byte[] bytes = Files.readAllBytes(valid);
        Random random = new Random(7);
        Path file = directory.resolve("fuzz.zip");
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = i % 5 == 0 ? randomBytes(random) : Fuzz.mutate(bytes, random);
            Files.write(file, mutated);
            loadOrRefuse(file);
        }
    }

    @Test
    void mutatedManifestsAndArraysInsideAWellFormedZipAreRefusedCleanly() throws IOException {
        Path valid = directory.resolve("valid.zip");
        ModelFile.save(Models.mlp(6, new int[] {5}, PReLU::new, 3), valid);
        Map<String, byte[]> entries = Archive.read(valid);
        List<String> names = new ArrayList<>(entries.keySet());
        Random random = new Random(11);
        Path file = directory.resolve("fuzz.zip");
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            Map<String, byte[]> mutated = new LinkedHashMap<>(entries);
            String victim = i % 2 == 0 ? ModelFile.MANIFEST : names.get(random.nextInt(names.size()));
            mutated.put(victim, Fuzz.mutate(entries.get(victim), random));
            Archive.write(file, mutated);
            refused += loadOrRefuse(file) ? 0 : 1;
        }
        assertTrue(refused > 500, "many mutations are caught: " + refused);
    }

    /** True if {@code file} loaded, false if it was refused ({@link Fuzz#refused}). */
    private static boolean loadOrRefuse(Path file) {
        return !Fuzz.refused(file, ModelFile::load);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }
}
