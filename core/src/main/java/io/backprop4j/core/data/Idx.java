package io.backprop4j.core.data;

import io.backprop4j.core.BoundedRead;
import io.backprop4j.core.FileFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST, raw or gzipped: a magic number {@code 0x00 0x00 type rank},
 * then {@code rank} big-endian 32-bit sizes, then the values in row-major order. Only unsigned bytes
 * (type {@code 0x08}) are read, which is what image and label files hold.
 *
 * @param sizes  the dimensions, e.g. {@code [60000, 28, 28]} for images or {@code [60000]} for labels
 * @param values the unsigned bytes, {@code sizes[0]·sizes[1]·…} of them
 */
public record Idx(int[] sizes, byte[] values) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** The number of items, {@code sizes[0]}. */
    public int count() {
        return sizes[0];
    }

    /** The values per item: the product of all sizes but the first (784 for a 28×28 image). */
    public int itemSize() {
        return values.length / sizes[0];
    }

    /** Reads a raw or gzipped IDX file; the format is recognised by content, not by the file name. */
    public static Idx read(Path file) throws IOException {
        return parse(decompressed(Files.readAllBytes(file), file), file.toString());
    }

    static byte[] decompressed(byte[] bytes, Object source) throws FileFormatException {
        boolean gzipped = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzipped) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return boundedByHeader(in, source);
        } catch (FileFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new FileFormatException(source + ": damaged or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The decompressed file, read no further than its header declares (magic, sizes, then one byte per value);
     * data that does not start like an IDX file is returned as its first four bytes, which {@link #parse} refuses.
     */
    private static byte[] boundedByHeader(InputStream in, Object source) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4 || magic[0] != 0 || magic[1] != 0) {
            return magic;
        }
        byte[] sizes = in.readNBytes(4 * (magic[3] & 0xff));
        ByteBuffer header = ByteBuffer.wrap(sizes);
        long values = 1;
        while (header.remaining() >= 4) {
            values = Math.min(values * Math.max(0, header.getInt()), 1L << 40);
        }
        byte[] data = BoundedRead.declared(in, values, source.toString());
        return ByteBuffer.allocate(magic.length + sizes.length + data.length).put(magic).put(sizes).put(data).array();
    }

    /** Parses the bytes of an uncompressed IDX file; {@code source} names it in errors. */
    public static Idx parse(byte[] bytes, String source) throws FileFormatException {
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new FileFormatException(source + ": not an IDX file (expected a magic number 0x0000TTRR, found "
                    + hex(bytes) + ")");
        }
        int type = bytes[2] & 0xff;
        int rank = bytes[3] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new FileFormatException(source + ": IDX element type 0x" + Integer.toHexString(type)
                    + " is not supported; image and label files hold unsigned bytes (0x08)");
        }
        if (rank == 0 || bytes.length < 4 + 4 * rank) {
            throw new FileFormatException(source + ": IDX header declares " + rank + " dimensions but the file has "
                    + bytes.length + " bytes, too few for that header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, 4 * rank);
        int[] sizes = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            sizes[i] = header.getInt();
            if (sizes[i] <= 0) {
                throw new FileFormatException(source + ": IDX dimension " + i + " is " + sizes[i]
                        + "; every size must be positive");
            }
            expected = Math.min(expected * sizes[i], 1L << 32);
        }
        long actual = bytes.length - 4L - 4L * rank;
        if (actual != expected) {
            throw new FileFormatException(source + ": header promises " + Arrays.toString(sizes) + " = " + expected
                    + " values but the file holds " + actual + (actual < expected ? " (truncated)" : " (extra bytes)"));
        }
        return new Idx(sizes, Arrays.copyOfRange(bytes, 4 + 4 * rank, bytes.length));
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder("0x");
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            text.append(String.format("%02x", bytes[i] & 0xff));
        }
        return bytes.length == 0 ? "an empty file" : text.toString();
    }
}
