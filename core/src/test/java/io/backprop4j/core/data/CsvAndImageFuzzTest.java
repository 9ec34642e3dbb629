package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated CSV files and PNG and JPEG images into their loaders ({@link Fuzz}). */
class CsvAndImageFuzzTest {

    @TempDir
    Path directory;

    @Test
    void mutatedCsvFilesAreReadOrRefusedCleanly() throws IOException {
        byte[] valid = ("label,a,b,c\ncat,0.5,1,2e-3\ndog,1.5,-2,3\ncat,0,0,1\n\"dog\",4,5,6\n")
                .getBytes(StandardCharsets.UTF_8);
        int refused = Fuzz.refusals(directory.resolve("a.csv"), valid, 2000, 2026,
                file -> CsvData.load(file, CsvData.Options.defaults()));
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
            int refused = Fuzz.refusals(directory.resolve("a." + format), bytes.toByteArray(), 1000, 2026,
                    file -> ImageFolder.image(file, ImageFolder.Options.defaults()));
            assertTrue(refused > 300, format + ": many damaged images are refused: " + refused);
        }
    }
}
