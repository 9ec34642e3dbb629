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
 * {@link #GROWTH_BYTES} since the last one, as JavaCPP does for its own allocations past
 * {@code maxPhysicalBytes}.
 */
final class NativeMemory {

    static final long GROWTH_BYTES = 256L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);

    private long baseline = Pointer.physicalBytes();

    /** Requests a garbage collection if the resident set grew by more than {@link #GROWTH_BYTES}. */
    void collectIfGrown() {
        long resident = Pointer.physicalBytes();
        if (resident - baseline > GROWTH_BYTES) {
            System.gc();
            baseline = Pointer.physicalBytes();
            LOG.debug("resident memory {} MB → {} MB after a collection", resident >> 20, baseline >> 20);
        }
    }
}
