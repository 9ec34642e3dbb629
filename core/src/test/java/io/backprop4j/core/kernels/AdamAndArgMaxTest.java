package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link AdamStep} against Adam's formulas in double arithmetic and against libnd4j's {@code adam_updater} (the
 * portable kernel), over chunk boundaries and on a row view; {@link ArgMaxRows} against ND4J's arg-max, with ties.
 */
class AdamAndArgMaxTest {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    @Test
    void adamStepIsAdamsFormulasAndLibnd4jsOp() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int n : new int[] {1, 64, 1024, 2500}) {
                Nd4j.getRandom().setSeed(n);
                INDArray g = Nd4j.rand(type, n).subi(0.5);
                INDArray m = Nd4j.rand(type, n).subi(0.5).muli(0.1);
                INDArray v = Nd4j.rand(type, n).muli(0.01);
                long t = 7;
                double correction = Math.sqrt(1 - Math.pow(BETA2, t));
                double alpha = correction / (1 - Math.pow(BETA1, t));
                INDArray[] expected = formulas(g, m, v, alpha, EPSILON * correction);
                INDArray[] portable = {g.dup(), m.dup(), v.dup()};
                PortableKernels.adam(portable[0], portable[1], portable[2], BETA1, BETA2, EPSILON * correction, t);
                INDArray[] tuned = {g.dup(), m.dup(), v.dup()};
                assertTrue(AdamStep.apply(tuned[0], tuned[1], tuned[2], BETA1, BETA2, alpha,
                        EPSILON * correction));
                double tolerance = type == DataType.FLOAT ? 2e-6 : 1e-14;
                for (int k = 0; k < 3; k++) {
                    assertClose(expected[k], tuned[k], tolerance, type + " n=" + n + " array " + k + " tuned");
                    assertClose(expected[k], portable[k], 5 * tolerance, type + " n=" + n + " array " + k + " libnd4j");
                }
            }
        }
    }

    @Test
    void adamStepOnARowViewChangesOnlyThatRow() {
        INDArray g = Nd4j.rand(DataType.FLOAT, 3, 700).subi(0.5);
        INDArray m = Nd4j.zeros(DataType.FLOAT, 3, 700);
        INDArray v = Nd4j.zeros(DataType.FLOAT, 3, 700);
        INDArray before = g.dup();
        INDArray row = g.get(NDArrayIndex.point(1), NDArrayIndex.all());
        INDArray[] expected = formulas(row, m.getRow(1), v.getRow(1), 1, 1e-8);
        assertTrue(AdamStep.apply(row, m.getRow(1), v.getRow(1), BETA1, BETA2, 1, 1e-8));
        assertClose(expected[0], g.getRow(1), 2e-6, "the row");
        assertClose(before.getRow(0), g.getRow(0), 0, "row 0");
        assertClose(before.getRow(2), g.getRow(2), 0, "row 2");
        assertEquals(0.0, m.getRow(0).amaxNumber().doubleValue() + m.getRow(2).amaxNumber().doubleValue(), 0);
    }

    @Test
    void adamStepLeavesMixedTypesToTheCaller() {
        INDArray g = Nd4j.rand(DataType.FLOAT, 10);
        assertFalse(AdamStep.apply(g, Nd4j.zeros(DataType.DOUBLE, 10), Nd4j.zeros(DataType.FLOAT, 10), BETA1, BETA2,
                1, EPSILON));
    }

    @Test
    void argMaxRowsIsNd4jsArgMaxFirstOnTies() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray scores = Nd4j.rand(type, 37, 10);
            scores.putScalar(new long[] {3, 2}, 5);
            scores.putScalar(new long[] {3, 7}, 5);
            int[] classes = ArgMaxRows.apply(scores);
            assertArrayEquals(Nd4j.argMax(scores, 1).toIntVector(), classes, type.toString());
            assertEquals(2, classes[3], "the first of two equal largest");
        }
        assertNull(ArgMaxRows.apply(Nd4j.rand(DataType.FLOAT, 4, 5).transpose()), "a column-major view");
        assertArrayEquals(new int[] {1, 0}, Kernels.argMaxRows(Nd4j.createFromArray(new float[][] {{0, 2}, {3, 1}})));
    }

    /** m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², g ← α·m / (√v + ε), in double arithmetic. */
    private static INDArray[] formulas(INDArray g, INDArray m, INDArray v, double alpha, double epsilon) {
        INDArray g64 = g.castTo(DataType.DOUBLE).dup();
        INDArray m64 = m.castTo(DataType.DOUBLE).dup().muli(BETA1).addi(g64.mul(1 - BETA1));
        INDArray v64 = v.castTo(DataType.DOUBLE).dup().muli(BETA2).addi(g64.mul(g64).muli(1 - BETA2));
        INDArray u = m64.mul(alpha).divi(Transforms.sqrt(v64, true).addi(epsilon));
        return new INDArray[] {u, m64, v64};
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        INDArray e = expected.castTo(DataType.DOUBLE).reshape(expected.length());
        INDArray a = actual.castTo(DataType.DOUBLE).reshape(actual.length());
        double scale = Math.max(1, e.amaxNumber().doubleValue());
        assertEquals(0.0, e.sub(a).amaxNumber().doubleValue(), tolerance * scale, what);
    }
}
