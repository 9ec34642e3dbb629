package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 2,000 mutated {@code .npy} files and 2,000 {@code .npz} archives into the NumPy readers ({@link Fuzz}). */
class NumpyFuzzTest {

    @TempDir
    Path directory;

    @Test
    void mutatedNpyFilesAreReadOrRefusedCleanly() throws IOException {
        byte[] valid = NumpyDataTest.npy("<f4", "4, 3", new byte[48]);
        int refused = Fuzz.refusals(directory.resolve("a.npy"), valid, 2000, 2026, NumpyData::readNpy);
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
        int refused = Fuzz.refusals(directory.resolve("a.npz"), bytes.toByteArray(), 2000, 2026,
                file -> NumpyData.loadNpz(file));
        assertTrue(refused > 1000, "most damaged archives are refused: " + refused);
    }
}
