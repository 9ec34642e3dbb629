package io.backprop4j.optim;

import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the process's native memory from piling up between garbage collections. ND4J frees an array's
 * off-heap buffer only when the garbage collector finds its Java object unreachable, and its operations
 * leave small native buffers behind them (measured here: tens of kilobytes per training step). A training
 * loop makes little Java garbage, so collections are rare and freed-but-uncollected native memory grows.
 * {@link #collectIfGrown()} asks for a collection when the resident set has grown by more than
 * {@link #GROWTH_BYTES} above the lowest it has been since the last collection (ND4J frees the buffers
 * a collection finds only afterwards, on its own thread, so the low point comes later), as JavaCPP does
 * for its own allocations past {@code maxPhysicalBytes}.
 */
final class NativeMemory {

    static final long GROWTH_BYTES = 256L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);

    private long lowest = Pointer.physicalBytes();

    /** Requests a garbage collection if the resident set grew by more than {@link #GROWTH_BYTES}. */
    void collectIfGrown() {
        long resident = Pointer.physicalBytes();
        lowest = Math.min(lowest, resident);
        if (resident - lowest > GROWTH_BYTES) {
            System.gc();
            lowest = Pointer.physicalBytes();
            LOG.debug("resident memory {} MB, collection requested", resident >> 20);
        }
    }
}
