package io.backprop4j.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests (shared with the other modules through the core test-jar). */
public final class IdxFiles {

    private IdxFiles() {
    }

    /** The bytes of an unsigned-byte IDX file with the given sizes and values. */
    static byte[] bytes(int[] sizes, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length + values.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) sizes.length);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        return buffer.put(values).array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    /** Writes a 4-file MNIST-style data set of 2×2 images: image i has every pixel equal to 10·i. */
    public static void dataSet(Path directory, int trainCount, int testCount) throws IOException {
        write(directory.resolve("train-images-idx3-ubyte.gz"), gzip(images(trainCount)));
        write(directory.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(trainCount)));
        write(directory.resolve("t10k-images-idx3-ubyte"), images(testCount));
        write(directory.resolve("t10k-labels-idx1-ubyte"), labels(testCount));
    }

    static byte[] images(int count) {
        byte[] values = new byte[count * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (10 * (i / 4));
        }
        return bytes(new int[] {count, 2, 2}, values);
    }

    static byte[] labels(int count) {
        byte[] values = new byte[count];
        for (int i = 0; i < count; i++) {
            values[i] = (byte) (i % 10);
        }
        return bytes(new int[] {count}, values);
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
