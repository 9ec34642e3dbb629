package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.backprop4j.core.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Maxout's value is the largest piece, and its passes reuse their arrays from one batch to the next. */
class MaxoutTest {

    @Test
    void eachOutputIsTheLargestPieceAndTheBuffersAreReused() {
        Maxout maxout = new Maxout(5, 3, 4, DataType.DOUBLE);
        maxout.initialize(new Rng(1));
        INDArray x = GradientChecks.gaussian(new Rng(2), 6, 5);
        INDArray y = maxout.forward(x, true);
        INDArray pieces = x.mmul(maxout.parameters().get(0).value()).addiRowVector(maxout.parameters().get(1).value());
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                double largest = Double.NEGATIVE_INFINITY;
                for (int p = 0; p < 4; p++) {
                    largest = Math.max(largest, pieces.getDouble(i, j * 4 + p));
                }
                assertEquals(largest, y.getDouble(i, j), 1e-12);
            }
        }
        INDArray gradient = maxout.backward(y.ulike().assign(1));
        assertSame(y, maxout.forward(x, true), "the output array is reused");
        assertSame(gradient, maxout.backward(y.ulike().assign(1)), "so is the input gradient");
    }
}
