package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** NumPy files as {@code np.save} writes them, for each common element type. */
class NumpyDataTest {

    @TempDir
    Path directory;

    /** An .npy file: the header for {@code descr} and {@code shape}, then {@code data} as given. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dictionary = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + dictionary.length() + 1;
        String header = dictionary + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer bytes = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return bytes.array();
    }

    private static byte[] values(ByteOrder order, int width, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * width).order(order);
        for (long v : values) {
            switch (width) {
                case 1 -> buffer.put((byte) v);
                case 2 -> buffer.putShort((short) v);
                case 4 -> buffer.putInt((int) v);
                default -> buffer.putLong(v);
            }
        }
        return buffer.array();
    }

    private INDArray read(String descr, String shape, byte[] data) throws IOException {
        return NumpyData.readNpy(Files.write(directory.resolve("a.npy"), npy(descr, shape, data)));
    }

    @Test
    void everyCommonElementTypeReadsWithItsValues() throws IOException {
        ByteOrder little = ByteOrder.LITTLE_ENDIAN;
        INDArray bytes = read("|u1", "2, 2", values(little, 1, 0, 128, 255, 7));
        assertEquals(DataType.UBYTE, bytes.dataType());
        assertArrayEquals(new long[] {0, 128, 255, 7}, bytes.reshape(4).toLongVector());
        assertArrayEquals(new long[] {-5, 3}, read("|i1", "2,", values(little, 1, -5, 3)).toLongVector());
        assertArrayEquals(new long[] {-300, 300}, read("<i2", "2,", values(little, 2, -300, 300)).toLongVector());
        assertArrayEquals(new long[] {65535, 1}, read("<u2", "2,", values(little, 2, 65535, 1)).toLongVector());
        assertArrayEquals(new long[] {-70000, 9}, read("<i4", "2,", values(little, 4, -70000, 9)).toLongVector());
        assertArrayEquals(new long[] {4_000_000_000L, 2}, read("<u4", "2,", values(little, 4, 4_000_000_000L, 2))
                .toLongVector());
        assertArrayEquals(new long[] {1L << 40, -1}, read("<i8", "2,", values(little, 8, 1L << 40, -1)).toLongVector());
        assertArrayEquals(new long[] {1L << 40, -1}, read(">i8", "2,", values(ByteOrder.BIG_ENDIAN, 8, 1L << 40, -1))
                .toLongVector(), "big-endian");
        assertArrayEquals(new float[] {1.5f, -2f}, read("<f2", "2,", values(little, 2, 0x3e00, 0xc000))
                .castTo(DataType.FLOAT).toFloatVector(), "float16");
        assertArrayEquals(new float[] {0.25f}, read("<f4", "1,", values(little, 4, Float.floatToIntBits(0.25f)))
                .toFloatVector());
        assertArrayEquals(new double[] {-0.125}, read("<f8", "1,", values(little, 8,
                Double.doubleToLongBits(-0.125))).toDoubleVector());
        assertEquals(DataType.BOOL, read("|b1", "2,", values(little, 1, 1, 0)).dataType());
        String message = assertThrows(FileFormatException.class, () -> read("<c16", "1,", new byte[16])).getMessage();
        assertTrue(message.contains("<c16") && message.contains("float16/32/64"), message);
    }

    @Test
    void uint8ImagesAndInt64LabelsBecomeADataSet() throws IOException {
        Path x = Files.write(directory.resolve("x.npy"), npy("|u1", "3, 2, 2", values(ByteOrder.LITTLE_ENDIAN, 1,
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255)));
        Path y = Files.write(directory.resolve("y.npy"), npy("<i8", "3,", values(ByteOrder.LITTLE_ENDIAN, 8, 2, 0, 1)));
        DataSet data = NumpyData.load(x, y);
        assertEquals(DataType.FLOAT, data.features().dataType());
        assertArrayEquals(new long[] {3, 2, 2}, data.features().shape());
        assertEquals(255f, data.features().getFloat(2, 1, 1));
        assertArrayEquals(new int[] {2, 0, 1}, data.classIndices());
        assertEquals(List.of("0", "1", "2"), data.classNames());
    }

    @Test
    void anNpzArchiveOfSavezReadsByName() throws IOException {
        Path archive = directory.resolve("data.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            entry(zip, "x.npy", npy("<f8", "2, 1", values(ByteOrder.LITTLE_ENDIAN, 8, Double.doubleToLongBits(0.5),
                    Double.doubleToLongBits(1.5))));
            entry(zip, "y.npy", npy("<f4", "2,", values(ByteOrder.LITTLE_ENDIAN, 4, Float.floatToIntBits(3f),
                    Float.floatToIntBits(4f))));
        }
        DataSet data = NumpyData.loadNpz(archive);
        assertArrayEquals(new long[] {2, 1}, data.labels().shape(), "a float vector becomes a regression column");
        assertEquals(4f, data.labels().getFloat(1, 0));
        String message = assertThrows(FileFormatException.class, () -> NumpyData.loadNpz(archive, "images", "y"))
                .getMessage();
        assertTrue(message.contains("no array 'images'") && message.contains("[x, y]"), message);
        Path twoRows = Files.write(directory.resolve("two.npy"), npy("<f4", "2, 1", new byte[8]));
        Path oneLabel = Files.write(directory.resolve("one.npy"), npy("<i8", "1,", new byte[8]));
        message = assertThrows(FileFormatException.class, () -> NumpyData.load(twoRows, oneLabel)).getMessage();
        assertTrue(message.contains("[2, 1]") && message.contains("one label row per feature row"), message);
    }

    @Test
    void floatOneHotRowsAndWholeFloatNumbersAreClassesForAClassifier() throws IOException {
        Path oneHot = npz("one-hot.npz", npy("<f4", "3, 3", floats(1, 0, 0, 0, 0, 1, 0, 1, 0)));
        DataSet hot = NumpyData.forClasses(NumpyData.loadNpz(oneHot), oneHot.toString());
        assertArrayEquals(new int[] {0, 2, 1}, hot.classIndices());
        assertEquals(List.of("0", "1", "2"), hot.classNames());
        Path numbers = npz("numbers.npz", npy("<f8", "3,", doubles(2, 0, 2)));
        DataSet classes = NumpyData.forClasses(NumpyData.loadNpz(numbers), numbers.toString());
        assertArrayEquals(new int[] {2, 0, 2}, classes.classIndices());
        Path fractions = npz("fractions.npz", npy("<f8", "3,", doubles(1, 0.5, 2)));
        String message = assertThrows(FileFormatException.class,
                () -> NumpyData.forClasses(NumpyData.loadNpz(fractions), fractions.toString())).getMessage();
        assertTrue(message.contains("label 0.5 of row 1 is not a class number"), message);
    }

    @Test
    void aCutShortArchiveIsNamed() throws IOException {
        Path archive = npz("whole.npz", npy("<f8", "3,", doubles(2, 0, 2)));
        byte[] bytes = Files.readAllBytes(archive);
        Path damaged = Files.write(directory.resolve("damaged.npz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        String message = assertThrows(FileFormatException.class, () -> NumpyData.readNpz(damaged)).getMessage();
        assertTrue(message.startsWith(damaged.toString()), message);
    }

    /** An archive of {@code x} (three rows of one feature) and {@code y}, compressed as np.savez_compressed does. */
    private Path npz(String name, byte[] labels) throws IOException {
        Path archive = directory.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            entry(zip, "x.npy", npy("<f4", "3, 1", floats(1, 2, 3)));
            entry(zip, "y.npy", labels);
        }
        return archive;
    }

    private static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static byte[] doubles(double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(bytes);
        zip.closeEntry();
    }
}
