package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@link Level1} against element-by-element Java arithmetic, on contiguous arrays and on views with gaps. */
class Level1Test {

    /**
     * With the kernels on one thread, float32 vectors of 2¹⁶ elements and more are split across two cores
     * ({@link TwoCores}); an odd length makes the halves differ. Each element must come out as in one call.
     */
    @Test
    void longVectorsSplitAcrossTwoCoresMatchOneCall() {
        int before = Threads.kernelThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        int wideBefore = Threads.wideThreads();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 301, 333).subi(0.5);
        INDArray y = Nd4j.rand(DataType.FLOAT, 301, 333).subi(0.5);
        try {
            Threads.setKernelThreads(1);
            INDArray[] results = new INDArray[2];
            double[] sums = new double[2];
            for (int wide = 1; wide <= 2; wide++) {
                Threads.setWideThreads(wide);
                INDArray z = Level1.scale(0.25, Level1.axpy(-1.5, x, y.dup()));
                sums[wide - 1] = Level1.absoluteSum(z);
                results[wide - 1] = z;
            }
            assertTrue(results[0].equals(results[1]), "axpy then scale, split against one call");
            INDArray expected = y.castTo(DataType.DOUBLE).addi(x.castTo(DataType.DOUBLE).muli(-1.5)).muli(0.25);
            assertEquals(0.0, results[1].castTo(DataType.DOUBLE).subi(expected).amaxNumber().doubleValue(), 1e-6);
            double reference = Transforms.abs(expected, false).sumNumber().doubleValue();
            assertEquals(reference, sums[1], 1e-6 * reference, "Σ|z| split");
            assertEquals(sums[0], sums[1], 1e-6 * reference, "Σ|z| split against one call");
            Level1.zero(results[1]);
            assertEquals(0.0, results[1].amaxNumber().doubleValue(), 0.0, "zero, split");
        } finally {
            Threads.setWideThreads(wideBefore);
            Threads.setKernelThreads(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
    }

    @Test
    void axpyScaleCopyAndDotOnContiguousAndStridedArrays() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (char order : new char[] {'c', 'f'}) {
                INDArray whole = random(type, order, 6, 9, 11);
                INDArray columns = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 7));
                for (INDArray x : new INDArray[] {whole.dup(order), columns}) {
                    INDArray y = random(type, order, x.rows(), x.columns(), 12);
                    double[][] xs = x.toDoubleMatrix();
                    double[][] ys = y.toDoubleMatrix();
                    double dot = 0;
                    for (int i = 0; i < xs.length; i++) {
                        for (int j = 0; j < xs[0].length; j++) {
                            dot += xs[i][j] * ys[i][j];
                        }
                    }
                    String what = type + " " + order + (x == columns ? " view" : "");
                    assertEquals(dot, Level1.dot(x, y), 1e-5, what + ": dot");

                    Level1.axpy(-0.5, x, y);
                    Level1.scale(3, y);
                    INDArray copied = Level1.copy(y, random(type, order, x.rows(), x.columns(), 16));
                    assertTrue(y.equals(copied), what + ": copy");
                    double[][] result = y.toDoubleMatrix();
                    for (int i = 0; i < xs.length; i++) {
                        for (int j = 0; j < xs[0].length; j++) {
                            assertEquals(3 * (ys[i][j] - 0.5 * xs[i][j]), result[i][j], 1e-5, what + " at " + i + "," + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void mixedOrdersMeanTheSameElements() {
        INDArray x = random(DataType.FLOAT, 'c', 4, 5, 13);
        INDArray y = random(DataType.FLOAT, 'f', 4, 5, 14);
        INDArray expected = y.add(x.mul(2));
        Level1.axpy(2, x, y);
        assertTrue(expected.equalsWithEps(y, 1e-6));
    }

    @Test
    void absoluteSumIsNonFiniteExactlyWhenAnElementIs() {
        for (int n : new int[] {1, 7, 33, 1000, 200_704}) {
            INDArray x = random(DataType.FLOAT, 'c', 1, n, n);
            assertTrue(Double.isFinite(Level1.absoluteSum(x)), n + " finite elements");
            for (int at : new int[] {0, n / 2, n - 1}) {
                for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                    INDArray copy = x.dup();
                    copy.putScalar(0, at, bad);
                    assertFalse(Double.isFinite(Level1.absoluteSum(copy)), bad + " at " + at + " of " + n);
                }
            }
        }
    }

    @Test
    void absoluteSumOfKnownValues() {
        INDArray x = Nd4j.createFromArray(new float[][] {{1, -2}, {3, -4}});
        assertEquals(10, Level1.absoluteSum(x), 0);
    }

    @Test
    void zeroingAViewLeavesItsNeighboursAlone() {
        INDArray whole = random(DataType.FLOAT, 'c', 5, 4, 15);
        INDArray before = whole.dup();
        Level1.zero(whole.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = i == 1 || i == 2 ? 0 : before.getDouble(i, j);
                assertEquals(expected, whole.getDouble(i, j), 0, "at " + i + "," + j);
            }
        }
        INDArray column = whole.get(NDArrayIndex.all(), NDArrayIndex.point(3));
        Level1.zero(column);
        assertEquals(0, column.sumNumber().doubleValue(), 0);
        assertEquals(before.getDouble(0, 2), whole.getDouble(0, 2), 0);
    }

    private static INDArray random(DataType type, char order, long rows, long columns, long seed) {
        Rng rng = new Rng(seed);
        INDArray x = Nd4j.create(type, new long[] {rows, columns}, order);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                x.putScalar(i, j, rng.nextDouble() * 2 - 1);
            }
        }
        return x;
    }
}
