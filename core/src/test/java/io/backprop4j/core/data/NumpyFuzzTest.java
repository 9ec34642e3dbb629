package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.FileFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated {@code .npy} files and {@code .npz} archives into the NumPy readers, seeded: each is read or
 * refused with a {@link FileFormatException} naming the file; nothing else escapes and nothing hangs.
 */
class NumpyFuzzTest {

    @TempDir
    Path directory;

    @Test
    void mutatedNpyFilesAreReadOrRefusedCleanly() throws IOException {
        byte[] valid = NumpyDataTest.npy("<f4", "4, 3", new byte[48]);
        int refused = fuzz("a.npy", valid, file -> NumpyData.readNpy(file));
        assertTrue(refused > 1000, "most damaged files are refused: " + refused);
    }

    @Test
    void mutatedNpzArchivesAreReadOrRefusedCleanly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(NumpyDataTest.npy("<f4", "4, 3", new byte[48]));
            zip.putNextEntry(new ZipEntry("y.npy"));
            zip.write(NumpyDataTest.npy("<i8", "4,", new byte[32]));
        }
        int refused = fuzz("a.npz", bytes.toByteArray(), file -> NumpyData.loadNpz(file));
        assertTrue(refused > 1000, "most damaged archives are refused: " + refused);
    }

    private interface Reader {
        Object read(Path file) throws IOException;
    }

    /** 2,000 mutations of {@code valid} through {@code reader}; returns how many were refused. */
    private int fuzz(String name, byte[] valid, Reader reader) throws IOException {
        Random random = new Random(2026);
        Path file = directory.resolve(name);
        int refused = 0;
        for (int i = 0; i < 2000; i++) {
            Files.write(file, Fuzz.mutate(valid, random));
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(file));
            } catch (Throwable error) {
                if (!(error instanceof FileFormatException)) {
                    throw new AssertionError("undocumented failure for input " + i + ": " + error, error);
                }
                assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
                refused++;
            }
        }
        return refused;
    }
}
