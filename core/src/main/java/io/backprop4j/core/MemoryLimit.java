package io.backprop4j.core;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * Refuses an allocation that this machine could never hold before it is tried: native allocations beyond the
 * physical memory end in the native allocator ({@code std::bad_alloc}) or the kernel's out-of-memory killer,
 * far from the layer size or option that asked for them.
 */
public final class MemoryLimit {

    private static final long PHYSICAL = physicalBytes();

    private MemoryLimit() {
    }

    /**
     * Requires {@code count} values of {@code bytesEach} bytes (e.g. a layer's weights and their gradients) to fit
     * in this machine's physical memory; {@code who} and {@code what} name them in the message.
     */
    public static void requireFits(String who, String what, double count, int bytesEach) {
        double bytes = count * bytesEach;
        if (bytes > PHYSICAL) {
            throw new IllegalArgumentException(String.format("%s: %s need %.1f GB, more than this machine's %.1f GB "
                    + "of memory; choose smaller sizes", who, what, bytes / (1L << 30),
                    PHYSICAL / (double) (1L << 30)));
        }
    }

    private static long physicalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
