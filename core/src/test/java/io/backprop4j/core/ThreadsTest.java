package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ThreadsTest {

    @Test
    void limitsNd4jsKernelThreadsAndRefusesNonPositiveCounts() {
        int before = Nd4j.getEnvironment().maxMasterThreads();
        try {
            Threads.limitKernelThreads(1);
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        } finally {
            Threads.limitKernelThreads(before);
        }
        assertThrows(IllegalArgumentException.class, () -> Threads.limitKernelThreads(0));
    }
}
