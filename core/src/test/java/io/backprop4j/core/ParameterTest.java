package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Parameter}'s lazy zeroing: every reader sees the values an explicit zeroing would give. */
class ParameterTest {

    /** [3, 1]·[1, 4] of ones: every element of the product is 1. */
    private static void addOnes(Parameter p) {
        p.addProduct(Nd4j.ones(DataType.FLOAT, 3, 1), Nd4j.ones(DataType.FLOAT, 1, 4), false, false);
    }

    @Test
    void aLazilyZeroedGradientReadsAsZerosAndTheNextProductOverwritesIt() {
        Parameter p = Parameter.lazilyZeroed("w", Nd4j.rand(DataType.FLOAT, 3, 4));
        INDArray array = p.gradient();
        array.assign(5);
        addOnes(p);
        assertEquals(6.0, p.gradient().getDouble(2, 3), 0, "no zeroing since the last write: added");
        p.zeroGradient();
        addOnes(p);
        assertEquals(1.0, p.gradient().getDouble(2, 3), 0, "right after a zeroing: overwritten");
        addOnes(p);
        assertEquals(2.0, p.gradient().getDouble(2, 3), 0, "then added again");
        p.zeroGradient();
        assertSame(array, p.gradient());
        assertEquals(0.0, array.amaxNumber().doubleValue(), 0, "a reader after a zeroing sees zeros");
        addOnes(p);
        assertEquals(1.0, p.gradient().getDouble(0, 0), 0, "cleared by the reader: added to zeros");
    }

    @Test
    void renamedCopiesShareTheZeroing() {
        Parameter p = Parameter.lazilyZeroed("weights", Nd4j.ones(DataType.FLOAT, 3, 4));
        p.gradient().assign(3);
        Parameter inModel = p.renamed("0.weights");
        inModel.zeroGradient();
        addOnes(p);
        assertEquals(1.0, p.gradient().getDouble(1, 1), 0, "the layer's copy sees the model's zeroing");
        p.gradient().assign(7);
        inModel.zeroGradient();
        assertEquals(0.0, p.gradient().amaxNumber().doubleValue(), 0);
        assertEquals(0.0, inModel.gradient().amaxNumber().doubleValue(), 0);
    }

    @Test
    void aLayerThatKeepsItsGradientArrayHasItZeroedAndItsAdditionsSeen() {
        Parameter p = Parameter.of("w", Nd4j.rand(DataType.FLOAT, 3, 4));
        INDArray kept = p.gradient();
        kept.assign(5);
        p.zeroGradient();
        kept.addi(2);
        assertEquals(2.0, p.gradient().getDouble(1, 1), 0, "zeroed at once, so the layer's sum is what is read");
        addOnes(p);
        assertEquals(3.0, p.gradient().getDouble(1, 1), 0, "an eagerly zeroed gradient is always added to");
    }
}
