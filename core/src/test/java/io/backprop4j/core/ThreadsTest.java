package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

class ThreadsTest {

    /** ND4J's native operations; its backend must be loaded first (see NativeBuild). */
    private static NativeOps openMp() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }

    @Test
    void limitsNd4jsAndBlasThreadsAndRefusesNonPositiveCounts() {
        int before = Nd4j.getEnvironment().maxMasterThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        try {
            Threads.limitKernelThreads(1);
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            assertEquals(1, openMp().ompGetMaxThreads());
        } finally {
            Threads.limitKernelThreads(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
        assertThrows(IllegalArgumentException.class, () -> Threads.limitKernelThreads(0));
        assertThrows(IllegalArgumentException.class, () -> Threads.setWideThreads(0));
    }

    @Test
    void aWideOperationGetsItsThreadsAndOpenMpReturnsToTheLimitEvenAfterAnError() {
        int before = Nd4j.getEnvironment().maxMasterThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        int wideBefore = Threads.wideThreads();
        try {
            Threads.limitKernelThreads(1);
            Threads.setWideThreads(3);
            assertEquals(3, Threads.runWide(() -> openMp().ompGetMaxThreads()));
            assertEquals(1, openMp().ompGetMaxThreads());
            assertThrows(IllegalStateException.class, () -> Threads.runWide(() -> {
                throw new IllegalStateException("failed inside");
            }));
            assertEquals(1, openMp().ompGetMaxThreads());
        } finally {
            Threads.setWideThreads(wideBefore);
            Threads.limitKernelThreads(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
    }
}
