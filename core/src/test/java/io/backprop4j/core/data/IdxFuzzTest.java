package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random and mutated byte strings into the IDX reader: each is read or refused with a
 * {@link FileFormatException}; nothing else escapes and nothing hangs.
 */
class IdxFuzzTest {

    @TempDir
    Path directory;

    @Test
    void randomAndMutatedFilesAreReadOrRefusedCleanly() throws IOException {
        byte[] raw = IdxFiles.images(20);
        byte[] packed = IdxFiles.gzip(raw);
        Random random = new Random(2026);
        Path file = directory.resolve("fuzz");
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = switch (i % 3) {
                case 0 -> randomBytes(random);
                case 1 -> Fuzz.mutate(raw, random);
                default -> Fuzz.mutate(packed, random);
            };
            Files.write(file, bytes);
            refused += Fuzz.refused(file, Idx::read) ? 1 : 0;
        }
        assertTrue(refused > 2000, "most damaged files are refused: " + refused);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (bytes.length > 4 && random.nextBoolean()) {
            bytes[0] = 0;
            bytes[1] = 0;
            bytes[2] = 8;
        }
        return bytes;
    }
}
