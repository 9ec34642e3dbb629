package io.backprop4j.core.kernels;

import java.util.function.IntConsumer;

/**
 * Work done ahead on the second core while the caller computes, as PyTorch's {@code DataLoader} prefetches: the
 * pieces {@code piece.accept(0)} to {@code piece.accept(n − 1)}, handed by {@link #start} to the helper thread when
 * it is idle, which takes the kernels' own work between two pieces; {@link #join} waits for them, running on the
 * caller whatever the helper has not started. A Prefetch is reused: start it again once joined.
 */
public final class Prefetch {

    private final Pieces job;

    public Prefetch(IntConsumer piece) {
        this.job = new Pieces(piece);
    }

    /** Offers {@code pieces} pieces to the helper thread for when it is idle. */
    public void start(int pieces) {
        job.count = pieces;
        HelperThread.offerWhenIdle(job);
    }

    /** Waits until every piece has run, running the unstarted ones here; rethrows what a piece threw. */
    public void join() {
        job.join();
    }

    private static final class Pieces extends HelperThread.PiecewiseJob {
        private final IntConsumer piece;
        private int count;

        Pieces(IntConsumer piece) {
            this.piece = piece;
        }

        @Override
        protected int pieces() {
            return count;
        }

        @Override
        protected void compute(int index) {
            piece.accept(index);
        }
    }
}
