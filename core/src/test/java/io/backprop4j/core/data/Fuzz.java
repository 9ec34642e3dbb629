package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * Mutations of a valid file (flipped bits, overwritten bytes, truncation, insertion, duplication), and the loaders'
 * contract under them: each damaged file is read, or refused with a {@link FileFormatException} that names it;
 * nothing else escapes and nothing takes more than 5 s.
 */
public final class Fuzz {

    /** A loader under test. */
    @FunctionalInterface
    public interface Loader {
        Object load(Path file) throws Exception;
    }

    private Fuzz() {
    }

    /**
     * Writes {@code count} mutations of {@code valid} to {@code file} in turn, drawn from {@code seed}, and loads each
     * with {@code loader} ({@link #refused}); returns how many were refused.
     */
    public static int refusals(Path file, byte[] valid, int count, long seed, Loader loader) throws IOException {
        Random random = new Random(seed);
        int refused = 0;
        for (int i = 0; i < count; i++) {
            Files.write(file, mutate(valid, random));
            refused += refused(file, loader) ? 1 : 0;
        }
        return refused;
    }

    /**
     * Loads {@code file}: false if it loaded, true if it was refused with a {@link FileFormatException} naming it;
     * any other failure, or a load of more than 5 s, fails the test.
     */
    public static boolean refused(Path file, Loader loader) {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> loader.load(file));
            return false;
        } catch (Throwable error) {
            if (!(error instanceof FileFormatException)) {
                throw new AssertionError("undocumented failure for " + file + ": " + error, error);
            }
            assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
            return true;
        }
    }

    public static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = Arrays.copyOf(bytes, at);
                case 3 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
                    int to = random.nextInt(bytes.length - length + 1);
                    System.arraycopy(bytes, at, bytes, to, length);
                }
            }
        }
        return bytes;
    }
}
