package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** {@link HelperThread}: every offered job runs exactly once, on the helper or on the thread that joins it. */
class HelperThreadTest {

    /** Counts its runs and remembers where the last one ran; busy for {@code work} iterations. */
    private static final class Counting extends HelperThread.Job {
        private final int work;
        int runs;
        volatile String ranOn;
        double sink;

        Counting(int work) {
            this.work = work;
        }

        @Override
        protected void compute() {
            runs++;
            for (int i = 0; i < work; i++) {
                sink += Math.sqrt(i);
            }
            ranOn = Thread.currentThread().getName();
        }
    }

    /**
     * As {@link TwoCores} does, the caller works on its own half between offering the other and joining it.
     * The helper loads ND4J's backend when it starts, so the first jobs run on the caller.
     */
    @Test
    void eachOfferRunsTheJobOnceAndSomeRunOnTheHelper() {
        Nd4j.getBackend();
        Counting job = new Counting(20_000);
        Counting ownHalf = new Counting(20_000);
        Counting whenIdle = new Counting(0);
        int helped = 0;
        for (int i = 1; i <= 2_000 || helped == 0 && i <= 50_000; i++) {
            HelperThread.offer(job);
            HelperThread.offerWhenIdle(whenIdle);
            ownHalf.compute();
            job.join();
            whenIdle.join();
            assertEquals(i, job.runs);
            assertEquals(i, whenIdle.runs);
            helped += "backprop4j-helper".equals(job.ranOn) ? 1 : 0;
        }
        assertTrue(helped > 0, "no job ran on the helper thread");
    }

    /** Counts how often each piece ran and where; piece {@code failAt} throws. */
    private static final class Pieces extends HelperThread.PiecewiseJob {
        final int[] runs = new int[40];
        int failAt = -1;
        volatile boolean helped;

        @Override
        protected int pieces() {
            return runs.length;
        }

        @Override
        protected void compute(int piece) {
            runs[piece]++;
            helped |= "backprop4j-helper".equals(Thread.currentThread().getName());
            if (piece == failAt) {
                throw new IllegalArgumentException("piece " + piece);
            }
        }
    }

    @Test
    void aPiecewiseJobRunsEachPieceOnceBetweenOtherJobs() {
        Nd4j.getBackend();
        Counting job = new Counting(2_000);
        boolean helped = false;
        for (int round = 1; round <= 500 || !helped && round <= 20_000; round++) {
            Pieces pieces = new Pieces();
            HelperThread.offerWhenIdle(pieces);
            for (int i = 0; i < 3; i++) {
                HelperThread.offer(job);
                job.join();
            }
            pieces.join();
            for (int piece = 0; piece < pieces.runs.length; piece++) {
                assertEquals(1, pieces.runs[piece], "round " + round + ", piece " + piece);
            }
            helped |= pieces.helped;
        }
        assertTrue(helped, "no piece ran on the helper thread");
    }

    @Test
    void aFailingPieceIsRethrownByJoinAndEndsTheJob() {
        Pieces pieces = new Pieces();
        pieces.failAt = 3;
        HelperThread.offerWhenIdle(pieces);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, pieces::join);
        assertEquals("piece 3", thrown.getMessage());
        assertEquals(0, pieces.runs[4], "a piece after the failing one ran");
        pieces.failAt = -1;
        HelperThread.offerWhenIdle(pieces);
        pieces.join();
        assertEquals(2, pieces.runs[3]);
        assertEquals(1, pieces.runs[4]);
    }

    @Test
    void joinRethrowsWhatTheJobThrewAndTheJobCanBeOfferedAgain() {
        IllegalStateException thrown = new IllegalStateException("failed on purpose");
        HelperThread.Job failing = new HelperThread.Job() {
            @Override
            protected void compute() {
                throw thrown;
            }
        };
        for (int i = 0; i < 3; i++) {
            HelperThread.offer(failing);
            assertSame(thrown, assertThrows(IllegalStateException.class, failing::join));
        }
    }

    @Test
    void offeringAJobAgainBeforeJoiningItIsRefused() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        HelperThread.Job held = new HelperThread.Job() {
            @Override
            protected void compute() {
                runs.incrementAndGet();
                awaitUninterruptibly(release);
            }
        };
        HelperThread.offer(held);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> HelperThread.offer(held));
        assertTrue(refused.getMessage().contains("before it was joined"), refused.getMessage());
        release.countDown();
        held.join();
        assertEquals(1, runs.get());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
