package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {

    @Test
    void roundTripsFloatAndDoubleArraysOfAnyRankAndOrder() throws FileFormatException {
        INDArray[] arrays = {Nd4j.linspace(DataType.FLOAT, 1, 12, 1).reshape(3, 4),
            Nd4j.linspace(DataType.DOUBLE, -1, 24, 1).reshape('f', 2, 3, 4), Nd4j.createFromArray(1.5f, 2.5f),
            Nd4j.linspace(DataType.FLOAT, 1, 12, 1).reshape(3, 4).transpose()};
        for (INDArray array : arrays) {
            byte[] bytes = Npy.toBytes(array);
            assertEquals(0, (bytes.length - array.length() * array.dataType().width()) % 64, "header padded to 64");
            INDArray back = Npy.fromBytes(bytes, "a.npy");
            assertEquals(array.dataType(), back.dataType());
            assertArrayEquals(array.shape(), back.shape());
            assertEquals(array, back);
        }
    }

    @Test
    void writesTheHeaderNumPyExpects() {
        byte[] bytes = Npy.toBytes(Nd4j.createFromArray(1f, 2f, 3f));
        assertEquals(128 + 3 * 4, bytes.length, "magic, version, length and dictionary padded to 128 bytes");
        assertEquals(118, bytes[8] & 0xff, "little-endian header length");
        String header = new String(bytes, 10, 118, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", header.strip());
        assertTrue(header.endsWith("\n"));
    }

    @Test
    void refusesDamagedOrForeignBytesWithAReason() {
        byte[] good = Npy.toBytes(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}));
        assertMessage(new byte[] {1, 2, 3}, "not a NumPy .npy file");
        assertMessage(Arrays.copyOf(good, good.length - 1), "needs 16 bytes of data but the file holds 15");
        assertMessage(Arrays.copyOf(good, 40), "truncated header");
        byte[] ints = good.clone();
        int at = new String(ints, StandardCharsets.ISO_8859_1).indexOf("<f4");
        ints[at + 1] = 'c';
        assertMessage(ints, "the element type <c4 is not read");
        assertMessage(withHeader(good, "{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }"),
                "the element type |O is not read; expected bool");
        assertMessage(withHeader(good, "{'descr': '<U10', 'fortran_order': False, 'shape': (2, 2), }"),
                "the element type <U10 is not read");
        assertMessage(withHeader(good, "{'descr': '<f99999999999', 'fortran_order': False, 'shape': (2, 2), }"),
                "the element type <f99999999999 is not read");
        assertMessage(withHeader(good, "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000000, "
                + "1000000000000), }"), "holds more than 268435455 elements");
        assertMessage(withHeader(good, "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }"),
                "unreadable shape");
    }

    /** {@code npy} with its header dictionary replaced by {@code dictionary} (version 1, no padding). */
    private static byte[] withHeader(byte[] npy, String dictionary) {
        int headerLength = Short.toUnsignedInt((short) ((npy[8] & 0xff) | (npy[9] & 0xff) << 8));
        byte[] header = (dictionary + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = Arrays.copyOfRange(npy, 10 + headerLength, npy.length);
        byte[] result = new byte[10 + header.length + data.length];
        System.arraycopy(npy, 0, result, 0, 8);
        result[8] = (byte) header.length;
        result[9] = (byte) (header.length >> 8);
        System.arraycopy(header, 0, result, 10, header.length);
        System.arraycopy(data, 0, result, 10 + header.length, data.length);
        return result;
    }

    private static void assertMessage(byte[] bytes, String expected) {
        FileFormatException error = assertThrows(FileFormatException.class, () -> Npy.fromBytes(bytes, "w.npy"));
        assertTrue(error.getMessage().startsWith("w.npy: ") && error.getMessage().contains(expected),
                error.getMessage());
    }
}
