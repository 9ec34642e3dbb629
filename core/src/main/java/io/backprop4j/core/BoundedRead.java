package io.backprop4j.core;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads decompressed data no further than its header or directory declared, so that a small compressed file
 * that inflates to gigabytes (a "zip bomb", or a damaged one) is refused with a message instead of filling
 * the memory: the declared size is checked against what this JVM can hold before anything is read.
 */
public final class BoundedRead {

    private BoundedRead() {
    }

    /**
     * Exactly the {@code declared} bytes that remain of {@code in} (fewer if it ends sooner); refuses a declared
     * size beyond half of the JVM's heap, and a stream that goes on past it. {@code source} names it in errors.
     */
    public static byte[] declared(InputStream in, long declared, String source) throws IOException {
        long room = Runtime.getRuntime().maxMemory() / 2;
        if (declared < 0 || declared > Math.min(room, Integer.MAX_VALUE - 16)) {
            throw new FileFormatException(source + ": declares " + declared + " bytes of data, more than this JVM can"
                    + " hold (" + (room >> 20) + " MB, half of its heap; raise it with -Xmx if the file is genuine)");
        }
        byte[] data = in.readNBytes((int) declared);
        if (data.length == declared && in.read() != -1) {
            throw new FileFormatException(source + ": inflates beyond the " + declared + " bytes its header declares;"
                    + " the file is damaged or not what it claims to be");
        }
        return data;
    }
}
