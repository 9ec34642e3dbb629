package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path root;

    /** A grey image whose pixel (y, x) is {@code base + 10·y + x}. */
    private void grey(String folder, String name, int height, int width, int base) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, base + 10 * y + x);
            }
        }
        write(image, folder, name);
    }

    private void write(BufferedImage image, String folder, String name) throws IOException {
        Files.createDirectories(root.resolve(folder));
        String format = name.endsWith(".png") ? "png" : "jpg";
        assertTrue(ImageIO.write(image, format, root.resolve(folder).resolve(name).toFile()));
    }

    @Test
    void greyPngsBecomeNchwScaledToOneWithSortedClassFolders() throws IOException {
        grey("sneaker", "b.png", 2, 3, 100);
        grey("boot", "a.png", 2, 3, 0);
        grey("sneaker", "a.png", 2, 3, 50);
        Files.writeString(Files.createDirectories(root.resolve("boot")).resolve(".DS_Store"), "ignored");
        DataSet data = ImageFolder.load(root);
        assertEquals(List.of("boot", "sneaker"), data.classNames());
        assertArrayEquals(new long[] {3, 1, 2, 3}, data.features().shape());
        assertArrayEquals(new int[] {0, 1, 1}, data.classIndices());
        assertEquals(12 / 255f, data.features().getFloat(0, 0, 1, 2), 1e-7);
        assertEquals(50 / 255f, data.features().getFloat(1, 0, 0, 0), 1e-7, "sneaker/a.png before b.png");
    }

    @Test
    void rgbKeepsThreeChannelsAndGreyAveragesThemByLuma() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(1, 1, 0x00ff00);
        write(image, "red", "x.png");
        DataSet rgb = ImageFolder.load(root);
        assertArrayEquals(new long[] {1, 3, 2, 2}, rgb.features().shape());
        assertEquals(1f, rgb.features().getFloat(0, 0, 0, 0));
        assertEquals(1f, rgb.features().getFloat(0, 1, 1, 1));
        DataSet grey = ImageFolder.load(root, ImageFolder.Options.defaults().grayscale());
        assertEquals(0.299f, grey.features().getFloat(0, 0, 0, 0), 1e-6);
    }

    @Test
    void aMismatchedSizeIsRefusedNamingTheFileOrResizedWhenAsked() throws IOException {
        grey("a", "one.png", 4, 4, 0);
        grey("b", "two.png", 2, 2, 0);
        String message = assertThrows(FileFormatException.class, () -> ImageFolder.load(root)).getMessage();
        assertTrue(message.contains("two.png") && message.contains("2×2") && message.contains("4×4"), message);
        DataSet resized = ImageFolder.load(root, ImageFolder.Options.defaults().resizedTo(3, 5));
        assertArrayEquals(new long[] {2, 1, 3, 5}, resized.features().shape());
    }

    @Test
    void aJpegReadsAndCorruptOrForeignFilesAreRefusedOrSkipped() throws IOException {
        grey("a", "one.jpg", 4, 4, 0);
        grey("a", "two.png", 4, 4, 0);
        Files.write(root.resolve("a").resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        String corrupt = assertThrows(FileFormatException.class, () -> ImageFolder.load(root)).getMessage();
        assertTrue(corrupt.contains("broken.png") && corrupt.contains("not a readable PNG or JPEG"), corrupt);
        Files.writeString(root.resolve("a").resolve("notes.txt"), "hello");
        DataSet kept = ImageFolder.load(root, ImageFolder.Options.defaults().skippingUnreadable());
        assertEquals(2, kept.size(), "broken.png and notes.txt skipped");
        Files.delete(root.resolve("a").resolve("broken.png"));
        String foreign = assertThrows(FileFormatException.class, () -> ImageFolder.load(root)).getMessage();
        assertTrue(foreign.contains("notes.txt") && foreign.contains("not a PNG or JPEG"), foreign);
    }

    @Test
    void anEmptyOrMissingFolderIsRefused() throws IOException {
        assertTrue(assertThrows(FileFormatException.class, () -> ImageFolder.load(root.resolve("nope")))
                .getMessage().contains("not a directory"));
        assertTrue(assertThrows(FileFormatException.class, () -> ImageFolder.load(root))
                .getMessage().contains("no class subfolders"));
        Files.createDirectories(root.resolve("empty"));
        assertTrue(assertThrows(FileFormatException.class, () -> ImageFolder.load(root))
                .getMessage().contains("an empty class folder"));
    }

    @Test
    void anEmptyClassFolderInTrainingAndAnUnknownOneInEvaluationAreRefusedByName() throws IOException {
        grey("cat", "a.png", 4, 4, 0);
        Files.createDirectories(root.resolve("dog"));
        String empty = assertThrows(FileFormatException.class, () -> ImageFolder.load(root)).getMessage();
        assertTrue(empty.contains("dog") && empty.contains("empty class folder"), empty);
        grey("dog", "b.png", 4, 4, 9);
        grey("cow", "c.png", 4, 4, 5);
        ImageFolder.Options model = ImageFolder.Options.defaults().classNames(List.of("cat", "dog"));
        String unknown = assertThrows(FileFormatException.class, () -> ImageFolder.load(root, model)).getMessage();
        assertTrue(unknown.contains("[cow]") && unknown.contains("not among the classes [cat, dog]"), unknown);
        Files.delete(root.resolve("cow").resolve("c.png"));
        Files.delete(root.resolve("cow"));
        assertEquals(2, ImageFolder.load(root, model).size(), "a test set may lack a class, not add one");
    }

    @Test
    void aTruncatedJpegADanglingLinkAndAHugeDeclaredSizeAreRefused() throws IOException {
        grey("a", "whole.jpg", 64, 64, 0);
        byte[] jpeg = Files.readAllBytes(root.resolve("a").resolve("whole.jpg"));
        Files.write(root.resolve("a").resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        String truncated = assertThrows(FileFormatException.class, () -> ImageFolder.load(root)).getMessage();
        assertTrue(truncated.contains("cut.jpg") && truncated.contains("damaged"), truncated);
        Files.delete(root.resolve("a").resolve("cut.jpg"));
        Files.createSymbolicLink(root.resolve("a").resolve("gone.png"), root.resolve("nowhere.png"));
        String dangling = assertThrows(FileFormatException.class, () -> ImageFolder.load(root)).getMessage();
        assertTrue(dangling.contains("gone.png") && dangling.contains("symbolic link to nothing"), dangling);
        Files.delete(root.resolve("a").resolve("gone.png"));
        Files.write(root.resolve("a").resolve("huge.png"), pngHeader(30000, 30000));
        String huge = assertThrows(FileFormatException.class, () -> ImageFolder.load(root)).getMessage();
        assertTrue(huge.contains("huge.png") && huge.contains("30000×30000 pixels"), huge);
    }

    /** A PNG signature and IHDR chunk declaring {@code width × height} grey pixels, with no image data. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        png.put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(png.array(), 12, 17);
        png.putInt((int) crc.getValue());
        return png.array();
    }
}
