package io.backprop4j.core;

import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the process's native memory from piling up between garbage collections. ND4J frees an array's
 * off-heap buffer only when the garbage collector finds its Java object unreachable, and its operations
 * leave small native buffers behind them (measured here: tens of kilobytes per training step). Training and
 * inference make little Java garbage, so collections are rare and freed-but-uncollected native memory grows:
 * 200 {@code predict} calls added 110 MiB, 200 model loads 553 MiB. {@link #collectIfGrown} asks for a
 * collection when the resident set has grown by more than a threshold above the lowest it has been since
 * the last collection (ND4J frees the buffers a collection finds only afterwards, on its own thread, so the
 * low point comes later), as JavaCPP does for its own allocations past {@code maxPhysicalBytes}.
 */
public final class ResidentMemory {

    /** The growth that starts a collection during training, where collections cost time between epochs. */
    public static final long TRAINING_GROWTH = 256L << 20;
    /** The growth that starts a collection after a prediction, an evaluation or a model load. */
    public static final long INFERENCE_GROWTH = 8L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ResidentMemory.class);
    private static final AtomicInteger TRAINING_RUNS = new AtomicInteger();
    private static long lowest = Long.MAX_VALUE;

    private ResidentMemory() {
    }

    /**
     * After a prediction, an evaluation or a load: {@link #collectIfGrown} at {@link #INFERENCE_GROWTH}, unless a
     * training run is under way, whose own, coarser policy then applies (an evaluation after every epoch would
     * otherwise collect every time, as training grows the resident set by design).
     */
    public static void collectAfterInference() {
        if (TRAINING_RUNS.get() == 0) {
            collectIfGrown(INFERENCE_GROWTH);
        }
    }

    /** Marks a training run as under way until {@link #trainingEnded}. */
    public static void trainingStarted() {
        TRAINING_RUNS.incrementAndGet();
    }

    public static void trainingEnded() {
        TRAINING_RUNS.decrementAndGet();
    }

    /** Requests a garbage collection if the resident set grew by more than {@code growthBytes}. */
    public static synchronized void collectIfGrown(long growthBytes) {
        long resident = Pointer.physicalBytes();
        lowest = Math.min(lowest, resident);
        if (resident - lowest > growthBytes) {
            System.gc();
            lowest = Pointer.physicalBytes();
            LOG.debug("resident memory {} MB, collection requested", resident >> 20);
        }
    }
}
