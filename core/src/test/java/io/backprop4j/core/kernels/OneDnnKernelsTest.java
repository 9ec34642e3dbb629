package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link OneDnnKernels} and the {@link Elementwise} methods that use them, against float64 Java arithmetic:
 * on the oneDNN path where oneDNN is loaded, and on the ND4J path for arrays it does not take.
 */
class OneDnnKernelsTest {

    @Test
    void runsOnOneDnnWhereItIsLoaded() {
        INDArray x = random('c', 3, 4, 1);
        assertEquals(Gemm.usesOneDnn(), OneDnnKernels.relu(x, x.ulike()));
        assertEquals(Gemm.usesOneDnn(), OneDnnKernels.tanh(x, x.ulike()));
    }

    @Test
    void leavesArraysItDoesNotTakeToNd4j() {
        INDArray x = random('c', 6, 8, 2);
        INDArray columns = x.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 5));
        assertFalse(OneDnnKernels.relu(columns, columns.ulike()), "a view with gaps");
        assertFalse(OneDnnKernels.relu(x, Nd4j.create(DataType.FLOAT, new long[] {6, 8}, 'f')), "mixed orders");
        assertFalse(OneDnnKernels.relu(x, Nd4j.create(DataType.FLOAT, 8, 6)), "other shape");
        assertFalse(OneDnnKernels.exp(x.castTo(DataType.DOUBLE), x.castTo(DataType.DOUBLE)), "float64");
        INDArray v = random('c', 128, 128, 3);
        assertFalse(OneDnnKernels.momentum(0.9, v.dup(), v.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 64))
                .dup().reshape(64, 128)), "momentum on arrays of other shapes");
        assertFalse(OneDnnKernels.nesterovStep(0.1, 0.9, v.dup('f'), v, v.dup()), "Nesterov on mixed orders");
        assertFalse(OneDnnKernels.momentum(0.9, x.dup(), x.dup()), "momentum on fewer than 2^14 elements");
    }

    @Test
    void reluItsGradientAndExpMatchTheirFormulas() {
        for (char order : new char[] {'c', 'f'}) {
            INDArray whole = random(order, 7, 33, 3);
            INDArray columns = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 30));
            INDArray rows = whole.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all());
            for (INDArray s : new INDArray[] {whole, columns, rows}) {
                String what = order + (s == columns ? " columns view" : s == rows ? " rows view" : "");
                double[][] x = s.toDoubleMatrix();
                double[][] g = random(order, s.rows(), s.columns(), 4).toDoubleMatrix();
                INDArray f = Elementwise.relu(s, Nd4j.create(DataType.FLOAT, s.shape(), order));
                INDArray gradIn = Elementwise.reluGradient(f, Nd4j.create(g).castTo(DataType.FLOAT).dup(order),
                        Nd4j.create(DataType.FLOAT, s.shape(), order));
                INDArray e = Elementwise.exp(s, Nd4j.create(DataType.FLOAT, s.shape(), order));
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < x[0].length; j++) {
                        String at = what + " at " + i + "," + j;
                        assertEquals(Math.max(x[i][j], 0), f.getDouble(i, j), 0, at + ": relu");
                        assertEquals(x[i][j] > 0 ? g[i][j] : 0, gradIn.getDouble(i, j), 1e-7, at + ": relu gradient");
                        assertEquals(Math.exp(x[i][j]), e.getDouble(i, j), 2e-7 * Math.exp(x[i][j]), at + ": exp");
                    }
                }
            }
        }
    }

    /**
     * With the kernels on one thread, vectors of 2¹⁴ elements and more are split across two cores
     * ({@link TwoCores}); an odd length makes the halves differ. Each element must come out as in one
     * call, and as its formula says.
     */
    @Test
    void longVectorsSplitAcrossTwoCoresMatchOneCall() {
        int before = Threads.kernelThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        int wideBefore = Threads.wideThreads();
        INDArray s = random('c', 129, 257, 7);
        INDArray gradOut = random('c', 129, 257, 8);
        INDArray[][] results = new INDArray[2][];
        try {
            Threads.setKernelThreads(1);
            for (int wide = 1; wide <= 2; wide++) {
                Threads.setWideThreads(wide);
                INDArray f = Elementwise.relu(s, s.ulike());
                results[wide - 1] = new INDArray[] {f, Elementwise.reluGradient(f, gradOut, s.ulike()),
                    Elementwise.exp(s, s.ulike())};
            }
        } finally {
            Threads.setWideThreads(wideBefore);
            Threads.setKernelThreads(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
        String[] names = {"relu", "relu gradient", "exp"};
        for (int k = 0; k < names.length; k++) {
            assertEquals(results[0][k], results[1][k], names[k] + ", split against one call");
        }
        INDArray positive = s.gt(0).castTo(DataType.FLOAT);
        assertEquals(s.mul(positive), results[1][0], "relu, split");
        assertEquals(gradOut.mul(positive), results[1][1], "relu gradient, split");
        double[] x = s.reshape(-1).toDoubleVector();
        double[] e = results[1][2].reshape(-1).toDoubleVector();
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.exp(x[i]), e[i], 2e-7 * Math.exp(x[i]), "exp, split, at " + i);
        }
    }

    @Test
    void reluInPlace() {
        INDArray s = random('c', 5, 5, 5);
        INDArray expected = s.dup();
        expected.assign(Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear(
                expected, expected.ulike(), 0.0)));
        assertEquals(expected, Elementwise.relu(s, s));
    }

    @Test
    void logSoftmaxIsLogSumExpAndStaysFiniteFarFromZero() {
        INDArray s = random('c', 9, 10, 6).muli(30);
        s.getRow(3).assign(-1000);
        s.getRow(4).assign(1000);
        s.putScalar(4, 2, 1010);
        INDArray z = s.ulike();
        assertTrue(LogSoftmaxRows.apply(s, z), "a float32 row-major matrix takes the exact rows path");
        double[][] x = s.toDoubleMatrix();
        for (int i = 0; i < x.length; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : x[i]) {
                m = Math.max(m, v);
            }
            double sum = 0;
            for (double v : x[i]) {
                sum += Math.exp(v - m);
            }
            for (int j = 0; j < x[0].length; j++) {
                assertEquals(x[i][j] - m - Math.log(sum), z.getDouble(i, j), 1e-5, "row " + i + ", column " + j);
            }
        }
    }

    @Test
    void keepsWorkingBeyondItsCacheOfPrimitives() {
        for (int n = 1; n <= 80; n++) {
            INDArray x = random('c', 1, n, n);
            INDArray z = Elementwise.relu(x, x.ulike());
            for (int j = 0; j < n; j++) {
                assertEquals(Math.max(x.getDouble(0, j), 0), z.getDouble(0, j), 0, "length " + n + " at " + j);
            }
        }
    }

    private static INDArray random(char order, long rows, long columns, long seed) {
        return Nd4j.randn(seed, new long[] {rows, columns}).castTo(DataType.FLOAT).dup(order);
    }
}
