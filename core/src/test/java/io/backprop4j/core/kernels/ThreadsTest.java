package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        int before = Threads.kernelThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        try {
            Threads.setKernelThreads(1);
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            assertEquals(1, openMp().ompGetMaxThreads());
        } finally {
            restore(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
        assertThrows(IllegalArgumentException.class, () -> Threads.setKernelThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> Threads.setWideThreads(0));
    }

    @Test
    void aWideOperationGetsItsThreadsAndOpenMpReturnsToTheLimitEvenAfterAnError() {
        int before = Threads.kernelThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        int wideBefore = Threads.wideThreads();
        try {
            Threads.setKernelThreads(1);
            Threads.setWideThreads(3);
            assertEquals(3, Threads.runWide(() -> openMp().ompGetMaxThreads()));
            assertEquals(1, openMp().ompGetMaxThreads());
            assertThrows(IllegalStateException.class, () -> Threads.runWide(() -> {
                throw new IllegalStateException("failed inside");
            }));
            assertEquals(1, openMp().ompGetMaxThreads());
        } finally {
            Threads.setWideThreads(wideBefore);
            restore(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
    }

    @Test
    void aNewThreadGetsTheKernelThreadCountOnItsFirstProduct() throws Exception {
        int before = Threads.kernelThreads();
        Threads.setKernelThreads(1);
        int[] seen = new int[2];
        Thread fresh = new Thread(() -> {
            openMp().setOmpNumThreads(2);
            seen[0] = openMp().ompGetMaxThreads();
            Gemm.gemm(Nd4j.ones(2, 2), Nd4j.ones(2, 2), Nd4j.zeros(2, 2), false, false, 1, 0);
            seen[1] = openMp().ompGetMaxThreads();
        });
        fresh.start();
        fresh.join();
        restore(before);
        assertEquals(2, seen[0]);
        assertEquals(1, seen[1]);
    }

    @Test
    void theDefaultComesFromThePropertyAndABadValueIsNamed() {
        String before = System.getProperty(Threads.PROPERTY);
        try {
            System.clearProperty(Threads.PROPERTY);
            if (System.getenv(Threads.ENVIRONMENT) == null) {
                assertEquals(1, Threads.defaultKernelThreads());
            }
            System.setProperty(Threads.PROPERTY, "3");
            assertEquals(3, Threads.defaultKernelThreads());
            System.setProperty(Threads.PROPERTY, "0");
            assertEquals(0, Threads.defaultKernelThreads());
            System.setProperty(Threads.PROPERTY, "many");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Threads::defaultKernelThreads);
            assertTrue(e.getMessage().contains("backprop4j.kernelThreads") && e.getMessage().contains("'many'"),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Threads.PROPERTY);
            } else {
                System.setProperty(Threads.PROPERTY, before);
            }
        }
    }

    private static void restore(int kernelThreads) {
        Threads.setKernelThreads(kernelThreads == 0 ? Nd4j.getEnvironment().maxMasterThreads() : kernelThreads);
    }
}
