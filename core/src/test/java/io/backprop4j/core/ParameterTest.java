package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Parameter}'s lazy zeroing: every reader sees the values an explicit zeroing would give. */
class ParameterTest {

    @Test
    void aLazilyZeroedGradientReadsAsZerosAndTheNextWriteOverwritesIt() {
        Parameter p = Parameter.lazilyZeroed("w", Nd4j.rand(DataType.FLOAT, 3, 4));
        INDArray array = p.gradient();
        array.assign(5);
        assertEquals(1.0, p.accumulationBeta(), 0, "no zeroing since the last write: add");
        p.zeroGradient();
        assertEquals(0.0, p.accumulationBeta(), 0, "right after a zeroing: overwrite");
        assertEquals(1.0, p.accumulationBeta(), 0, "asking counts as the write");
        assertEquals(5.0, p.gradient().getDouble(2, 3), 0, "a writer that overwrites leaves the memory to it");
        p.zeroGradient();
        assertSame(array, p.gradient());
        assertEquals(0.0, array.amaxNumber().doubleValue(), 0, "a reader after a zeroing sees zeros");
        assertEquals(1.0, p.accumulationBeta(), 0, "cleared by the reader: add");
    }

    @Test
    void renamedCopiesShareTheZeroing() {
        Parameter p = Parameter.lazilyZeroed("weights", Nd4j.ones(DataType.FLOAT, 2, 2));
        p.gradient().assign(3);
        Parameter inModel = p.renamed("0.weights");
        inModel.zeroGradient();
        assertEquals(0.0, p.accumulationBeta(), 0, "the layer's copy sees the model's zeroing");
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
        assertEquals(1.0, p.accumulationBeta(), 0, "an eagerly zeroed gradient is always added to");
    }
}
