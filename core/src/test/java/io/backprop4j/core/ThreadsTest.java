package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ThreadsTest {

    @Test
    void limitsNd4jsAndBlasThreadsAndRefusesNonPositiveCounts() {
        int before = Nd4j.getEnvironment().maxMasterThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        try {
            Threads.limitKernelThreads(1);
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
        } finally {
            Threads.limitKernelThreads(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
        assertThrows(IllegalArgumentException.class, () -> Threads.limitKernelThreads(0));
    }
}
