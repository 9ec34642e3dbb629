package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path directory;

    @Test
    void readsRawAndGzippedFilesAlike() throws IOException {
        byte[] file = IdxFiles.bytes(new int[] {3, 2, 2}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
        IdxFiles.write(directory.resolve("raw"), file);
        IdxFiles.write(directory.resolve("packed.gz"), IdxFiles.gzip(file));
        for (String name : new String[] {"raw", "packed.gz"}) {
            Idx idx = Idx.read(directory.resolve(name));
            assertArrayEquals(new int[] {3, 2, 2}, idx.sizes());
            assertEquals(3, idx.count());
            assertEquals(4, idx.itemSize());
            assertEquals(255, idx.values()[11] & 0xff);
        }
    }

    @Test
    void refusesAWrongMagicNumberNamingTheFile() throws IOException {
        Path file = directory.resolve("photo.png");
        IdxFiles.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        FileFormatException error = assertThrows(FileFormatException.class, () -> Idx.read(file));
        assertTrue(error.getMessage().contains("photo.png") && error.getMessage().contains("not an IDX file")
                && error.getMessage().contains("0x89504e47"), error.getMessage());
    }

    @Test
    void refusesElementTypesOtherThanUnsignedByte() {
        byte[] floats = {0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0};
        FileFormatException error = assertThrows(FileFormatException.class, () -> Idx.parse(floats, "f.idx"));
        assertTrue(error.getMessage().contains("0xd is not supported"), error.getMessage());
    }

    @Test
    void refusesATruncatedBodySayingHowMuchIsMissing() throws IOException {
        byte[] whole = IdxFiles.images(5);
        Path file = directory.resolve("images");
        IdxFiles.write(file, Arrays.copyOf(whole, whole.length - 3));
        FileFormatException error = assertThrows(FileFormatException.class, () -> Idx.read(file));
        assertTrue(error.getMessage().contains("[5, 2, 2] = 20 values but the file holds 17 (truncated)"),
                error.getMessage());
    }

    @Test
    void refusesATruncatedHeaderAndTrailingBytes() {
        byte[] header = {0, 0, 0x08, 3, 0, 0, 0, 5};
        assertTrue(assertThrows(FileFormatException.class, () -> Idx.parse(header, "h")).getMessage()
                .contains("too few for that header"));
        byte[] whole = IdxFiles.labels(4);
        byte[] longer = Arrays.copyOf(whole, whole.length + 2);
        assertTrue(assertThrows(FileFormatException.class, () -> Idx.parse(longer, "l")).getMessage()
                .contains("(extra bytes)"));
    }

    @Test
    void refusesNegativeOrZeroSizes() {
        byte[] file = {0, 0, 0x08, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertTrue(assertThrows(FileFormatException.class, () -> Idx.parse(file, "n")).getMessage()
                .contains("every size must be positive"));
    }

    @Test
    void refusesATruncatedGzipStream() throws IOException {
        byte[] packed = IdxFiles.gzip(IdxFiles.images(50));
        Path file = directory.resolve("cut.gz");
        IdxFiles.write(file, Arrays.copyOf(packed, packed.length / 2));
        FileFormatException error = assertThrows(FileFormatException.class, () -> Idx.read(file));
        assertTrue(error.getMessage().contains("cut.gz: damaged or truncated gzip data"), error.getMessage());
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = directory.resolve("empty");
        IdxFiles.write(file, new byte[0]);
        assertTrue(assertThrows(FileFormatException.class, () -> Idx.read(file)).getMessage()
                .contains("found an empty file"));
    }
}
