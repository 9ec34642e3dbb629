package io.backprop4j.core.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * One background thread that takes work off the training thread on the second core: the second half of a
 * matrix product, vector operation or element-wise kernel split in two ({@link TwoCores}), and the gather of
 * the next batches ({@code Batches.shuffled}).
 *
 * <p>A {@link Job} is {@linkplain #offer offered}, and later {@linkplain Job#join joined}. The helper holds
 * one job at a time: when it is busy the offer is refused, and {@code join} then runs the job on the calling
 * thread, as it does when the helper has not started the job by then. So a job runs exactly once, on
 * whichever thread gets to it first, and the caller never waits for a job nobody has started.
 *
 * <p>A job {@linkplain #offerWhenIdle offered for when the helper is idle} waits in a slot of its own and runs
 * when no other job is there. A {@link PiecewiseJob} runs one piece at a time, and a job offered meanwhile
 * runs before the next piece: gathering a whole batch would otherwise hold up the second half of the product
 * that follows it.
 *
 * <p>The helper spins for {@value #SPIN_MICROS} µs after each job, long enough to catch the next product of
 * a forward or backward pass, then parks. Waking a parked thread costs the waker a virtual machine's
 * interprocessor interrupt, and a longer spin slowed the training thread's optimizer phase (docs/performance.md,
 * kernel figures). The helper loads ND4J's backend and runs its native kernels on one OpenMP thread.
 *
 * <p>Both waits, the helper's for a job and {@code join}'s for the helper, spin with {@link Thread#yield()}
 * rather than {@link Thread#onSpinWait()}: a waiting thread then gives its core to any other runnable thread,
 * such as the JIT's compiler while the JVM warms up. In alternating 5-epoch MLP runs that raised the median
 * speed from 100k to 111k samples/s, and from 76k to 88k over the first two epochs (docs/performance.md).
 */
final class HelperThread {

    /** How long the helper waits for the next job before it parks. */
    static final long SPIN_MICROS = 100;

    private static final HelperThread INSTANCE = new HelperThread();

    private final AtomicReference<Job> slot = new AtomicReference<>();
    private final AtomicReference<Job> idleSlot = new AtomicReference<>();
    private volatile boolean parked;
    private volatile Thread thread;

    private HelperThread() {
    }

    /**
     * Queues {@code job} and hands it to the helper unless the helper already holds one; returns whether it
     * did. Either way the caller must {@link Job#join} the job, which runs it if the helper has not.
     */
    public static boolean offer(Job job) {
        job.queue();
        return INSTANCE.hand(INSTANCE.slot, job);
    }

    /** As {@link #offer}, for a job the helper runs only when no job offered with {@link #offer} waits. */
    public static boolean offerWhenIdle(Job job) {
        job.queue();
        return INSTANCE.hand(INSTANCE.idleSlot, job);
    }

    private boolean hand(AtomicReference<Job> to, Job job) {
        if (!to.compareAndSet(null, job)) {
            return false;
        }
        Thread helper = thread == null ? start() : thread;
        if (parked) {
            LockSupport.unpark(helper);
        }
        return true;
    }

    private synchronized Thread start() {
        if (thread == null) {
            Thread helper = new Thread(this::serve, "backprop4j-helper");
            helper.setDaemon(true);
            helper.start();
            thread = helper;
        }
        return thread;
    }

    private void serve() {
        Nd4j.getBackend();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        long spinNanos = Runtime.getRuntime().availableProcessors() > 1 ? SPIN_MICROS * 1_000 : 0;
        long idleSince = System.nanoTime();
        PiecewiseJob unfinished = null;
        while (true) {
            Job job = slot.getAndSet(null);
            if (job != null) {
                job.runIfUnclaimed();
            } else if (unfinished != null) {
                unfinished = unfinished.runNextPiece() ? unfinished : null;
            } else if ((job = idleSlot.getAndSet(null)) != null) {
                if (job instanceof PiecewiseJob pieces) {
                    unfinished = pieces.claim() && pieces.runNextPiece() ? pieces : null;
                } else {
                    job.runIfUnclaimed();
                }
            } else if (System.nanoTime() - idleSince < spinNanos) {
                Thread.yield();
                continue;
            } else {
                parked = true;
                if (slot.get() == null && idleSlot.get() == null) {
                    LockSupport.park(this);
                }
                parked = false;
            }
            idleSince = System.nanoTime();
        }
    }

    /**
     * Work for the helper: {@link #compute} runs once per {@link HelperThread#offer}, on the helper or on the
     * thread that joins it. A job object may be offered again once joined.
     */
    public abstract static class Job {

        private static final int DONE = 0;
        private static final int QUEUED = 1;
        private static final int RUNNING = 2;

        private final AtomicInteger state = new AtomicInteger(DONE);
        private Throwable failure;

        protected abstract void compute();

        /**
         * Waits until the job has run, running it here if no thread has started it; rethrows what it threw.
         */
        public final void join() {
            runIfUnclaimed();
            while (state.get() != DONE) {
                Thread.yield();
            }
            Throwable thrown = failure;
            failure = null;
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
        }

        private void queue() {
            if (!state.compareAndSet(DONE, QUEUED)) {
                throw new IllegalStateException("HelperThread: a job was offered again before it was joined");
            }
        }

        /** Takes the job for this thread; false if another thread has. */
        final boolean claim() {
            return state.compareAndSet(QUEUED, RUNNING);
        }

        private void runIfUnclaimed() {
            if (claim()) {
                try {
                    compute();
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                finish();
            }
        }

        /** Keeps what a piece threw for {@link #join}. */
        final void fail(Throwable thrown) {
            failure = thrown;
        }

        final void finish() {
            state.set(DONE);
        }
    }

    /**
     * A job in pieces, {@code compute(0)} to {@code compute(pieces() − 1)}: the helper takes jobs offered
     * meanwhile between two pieces; a thread that joins it before the helper has claimed it runs them all.
     */
    public abstract static class PiecewiseJob extends Job {

        private int next;

        protected abstract int pieces();

        protected abstract void compute(int piece);

        @Override
        protected final void compute() {
            for (int piece = 0; piece < pieces(); piece++) {
                compute(piece);
            }
        }

        /** Runs the next piece of a claimed job; returns whether pieces remain. */
        private boolean runNextPiece() {
            try {
                compute(next++);
                if (next < pieces()) {
                    return true;
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            }
            next = 0;
            finish();
            return false;
        }
    }
}
