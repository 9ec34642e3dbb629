package io.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The worked 2-2-2 logistic network with its published numbers, to 1e-8. */
class WorkedExampleTest {

    @Test
    void forwardPassErrorAndUpdatedWeights() {
        WorkedExample.Result r = WorkedExample.run();
        assertEquals(0.593269992, r.outH1(), 1e-8);
        assertEquals(0.75136507, r.outO1(), 1e-8);
        assertEquals(0.772928465, r.outO2(), 1e-8);
        assertEquals(0.298371109, r.totalError(), 1e-8);
        assertArrayEquals(new double[] {
            0.35891648, 0.408666186, 0.511301270, 0.561370121,
            0.149780716, 0.19956143, 0.24975114, 0.29950229}, r.updatedWeights(), 1e-8);
    }
}
