package io.backprop4j.core.data;

import java.util.Arrays;
import java.util.Random;

/** Mutations of a valid file: flipped bits, overwritten bytes, truncation, insertion, duplication. */
public final class Fuzz {

    private Fuzz() {
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
