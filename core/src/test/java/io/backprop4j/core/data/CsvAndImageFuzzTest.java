package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.FileFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated CSV files and PNG and JPEG images into their loaders, seeded: each is read or refused with a
 * {@link FileFormatException} naming the file; nothing else escapes and nothing hangs.
 */
class CsvAndImageFuzzTest {

    @TempDir
    Path directory;

    @Test
    void mutatedCsvFilesAreReadOrRefusedCleanly() throws IOException {
        byte[] valid = ("label,a,b,c\ncat,0.5,1,2e-3\ndog,1.5,-2,3\ncat,0,0,1\n\"dog\",4,5,6\n")
                .getBytes(StandardCharsets.UTF_8);
        int refused = fuzz("a.csv", valid, 2000, file -> CsvData.load(file, CsvData.Options.defaults()));
        assertTrue(refused > 500, "many damaged files are refused: " + refused);
    }

    @Test
    void mutatedImagesAreReadOrRefusedCleanly() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 64; i++) {
            image.getRaster().setSample(i % 8, i / 8, 0, i * 4);
        }
        for (String format : new String[] {"png", "jpg"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, format, bytes);
            int refused = fuzz("a." + format, bytes.toByteArray(), 1000,
                    file -> ImageFolder.image(file, ImageFolder.Options.defaults()));
            assertTrue(refused > 300, format + ": many damaged images are refused: " + refused);
        }
    }

    private interface Reader {
        Object read(Path file) throws IOException;
    }

    /** {@code count} mutations of {@code valid} through {@code reader}; returns how many were refused. */
    private int fuzz(String name, byte[] valid, int count, Reader reader) throws IOException {
        Random random = new Random(2026);
        Path file = directory.resolve(name);
        int refused = 0;
        for (int i = 0; i < count; i++) {
            Files.write(file, Fuzz.mutate(valid, random));
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(file));
            } catch (Throwable error) {
                if (!(error instanceof FileFormatException)) {
                    throw new AssertionError("undocumented failure for " + name + " input " + i + ": " + error, error);
                }
                assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
                refused++;
            }
        }
        return refused;
    }
}
