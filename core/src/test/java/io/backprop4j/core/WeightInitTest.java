package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightInitTest {

    @Test
    void scalesFollowFanInAndFanOut() {
        long in = 400;
        long out = 200;
        assertStd(WeightInit.XAVIER_NORMAL, in, out, Math.sqrt(2.0 / (in + out)));
        assertStd(WeightInit.XAVIER_UNIFORM, in, out, Math.sqrt(6.0 / (in + out)) / Math.sqrt(3));
        assertStd(WeightInit.HE_NORMAL, in, out, Math.sqrt(2.0 / in));
        assertStd(WeightInit.HE_UNIFORM, in, out, Math.sqrt(6.0 / in) / Math.sqrt(3));
        assertStd(WeightInit.LECUN_UNIFORM, in, out, 1 / Math.sqrt(in) / Math.sqrt(3));
    }

    @Test
    void uniformStaysInsideItsBound() {
        INDArray w = WeightInit.HE_UNIFORM.create(100, 50, DataType.DOUBLE, new Rng(1), 100, 50);
        double bound = Math.sqrt(6.0 / 100);
        assertTrue(w.maxNumber().doubleValue() <= bound && w.minNumber().doubleValue() >= -bound);
    }

    @Test
    void sameSeedSameWeights() {
        INDArray a = WeightInit.HE_NORMAL.create(30, 20, DataType.FLOAT, new Rng(42), 30, 20);
        INDArray b = WeightInit.HE_NORMAL.create(30, 20, DataType.FLOAT, new Rng(42), 30, 20);
        INDArray c = WeightInit.HE_NORMAL.create(30, 20, DataType.FLOAT, new Rng(43), 30, 20);
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    private static void assertStd(WeightInit init, long in, long out, double expected) {
        INDArray w = init.create(in, out, DataType.DOUBLE, new Rng(7), in, out);
        assertEquals(0, w.meanNumber().doubleValue(), 3 * expected / Math.sqrt(w.length()), init + " mean");
        assertEquals(expected, w.stdNumber().doubleValue(), 0.01 * expected, init + " std");
    }
}
