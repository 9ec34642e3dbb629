package io.backprop4j.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NumPy's {@code .npy} format: the magic {@code \x93NUMPY}, a header dictionary
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (784, 256), }} padded to a multiple of 64 bytes,
 * then the values. {@link #toBytes} writes float32 and float64 arrays (version 1.0, little-endian, row-major),
 * which {@code numpy.load} reads; {@link #fromBytes} reads every common numeric type, either byte order and
 * either memory order. Parsed in Java, so a damaged file gives a {@link FileFormatException}, never a crash in
 * native code.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=]?)([A-Za-z])(\\d{0,18})'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    public static byte[] toBytes(INDArray array) {
        DataType type = array.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("Npy: only FLOAT and DOUBLE arrays are written, got " + type);
        }
        INDArray rowMajor = array.dup('c');
        String shape = Arrays.stream(array.shape()).mapToObj(Long::toString)
                .reduce((a, b) -> a + ", " + b).map(s -> array.rank() == 1 ? s + "," : s).orElse("");
        String dictionary = "{'descr': '<" + (type == DataType.FLOAT ? "f4" : "f8")
                + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = MAGIC.length + 4 + dictionary.length() + 1;
        String header = dictionary + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        int width = type == DataType.FLOAT ? 4 : 8;
        ByteBuffer bytes = ByteBuffer.allocate(MAGIC.length + 4 + header.length()
                        + Math.toIntExact(array.length() * width)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.US_ASCII));
        if (type == DataType.FLOAT) {
            bytes.asFloatBuffer().put(rowMajor.data().asFloat());
        } else {
            bytes.asDoubleBuffer().put(rowMajor.data().asDouble());
        }
        return bytes.array();
    }

    /**
     * Parses {@code bytes} (from {@code source}, named in errors) into a new array of the matching ND4J type:
     * float32 and float64 as FLOAT and DOUBLE, float16 as HALF, bool as BOOL, and the integers int8…int64 and
     * uint8…uint32 as the ND4J integer type of their width ({@code uint8} as UBYTE), in either byte order.
     */
    public static INDArray fromBytes(byte[] bytes, String source) throws FileFormatException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new FileFormatException(source + ": not a NumPy .npy file (expected the magic bytes \\x93NUMPY)");
        }
        int major = bytes[6];
        buffer.position(8);
        long headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort())
                : major == 2 || major == 3 ? Integer.toUnsignedLong(buffer.getInt()) : -1;
        if (headerLength < 0 || headerLength > buffer.remaining()) {
            throw new FileFormatException(source + ": unsupported .npy version " + major + " or truncated header");
        }
        String header = new String(bytes, buffer.position(), (int) headerLength, StandardCharsets.ISO_8859_1);
        buffer.position(buffer.position() + (int) headerLength);
        Matcher descr = find(DESCR, header, source);
        String width = descr.group(3);
        NpyType type = NpyType.of(descr.group(2), width.isEmpty() || width.length() > 2 ? 0 : Integer.parseInt(width),
                source, descr.group(1) + descr.group(2) + width);
        long[] shape = shape(header, source);
        boolean fortran = find(FORTRAN, header, source).group(1).equals("True");
        long count = 1;
        for (long size : shape) {
            count = size == 0 || count <= Integer.MAX_VALUE / size ? count * size : Long.MAX_VALUE;
        }
        if (count > Integer.MAX_VALUE / 8) {
            throw new FileFormatException(source + ": shape " + Arrays.toString(shape) + " holds more than "
                    + Integer.MAX_VALUE / 8 + " elements, more than one array is read at a time");
        }
        if (count * type.width() != buffer.remaining()) {
            throw new FileFormatException(source + ": shape " + Arrays.toString(shape) + " needs "
                    + count * type.width() + " bytes of data but the file holds " + buffer.remaining());
        }
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return type.read(buffer.slice().order(order), (int) count, shape, fortran ? 'f' : 'c');
    }

    private static long[] shape(String header, String source) throws FileFormatException {
        String sizes = find(SHAPE, header, source).group(1).trim();
        try {
            long[] shape = Arrays.stream(sizes.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            if (Arrays.stream(shape).anyMatch(size -> size < 0)) {
                throw new NumberFormatException("negative size");
            }
            return shape;
        } catch (NumberFormatException e) {
            throw new FileFormatException(source + ": unreadable shape (" + sizes + ")", e);
        }
    }

    private static Matcher find(Pattern pattern, String header, String source) throws FileFormatException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new FileFormatException(source + ": .npy header lacks " + pattern.pattern().split(":")[0]
                    + " in " + header.strip());
        }
        return matcher;
    }
}
