package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link Gemm} against a float64 reference, {@code α·op(A)·op(B) + β·C}, for every combination of
 * transpose flags and memory orders, and for views whose leading dimension exceeds their width.
 */
class GemmTest {

    private static final int M = 7;
    private static final int N = 5;
    private static final int K = 9;

    @Test
    void usesOneDnnExactlyWhenNd4jCarriesIt() {
        assertEquals(NativeBuild.hasOneDnn(), Gemm.usesOneDnn());
    }

    @Test
    void everyTransposeAndOrderMatchesTheReference() {
        Rng rng = new Rng(3);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (char oa : new char[] {'c', 'f'}) {
                    for (char ob : new char[] {'c', 'f'}) {
                        for (char oc : new char[] {'c', 'f'}) {
                            INDArray a = random(rng, ta ? K : M, ta ? M : K, oa);
                            INDArray b = random(rng, tb ? N : K, tb ? K : N, ob);
                            INDArray c = random(rng, M, N, oc);
                            check(a, b, c, ta, tb, "ta=" + ta + " tb=" + tb + " orders " + oa + ob + oc);
                        }
                    }
                }
            }
        }
    }

    @Test
    void viewsWithLargerLeadingDimensionsAndOffsets() {
        Rng rng = new Rng(4);
        for (char order : new char[] {'c', 'f'}) {
            INDArray a = random(rng, M + 3, K + 2, order)
                    .get(NDArrayIndex.interval(2, 2 + M), NDArrayIndex.interval(1, 1 + K));
            INDArray b = random(rng, K + 1, N + 4, order)
                    .get(NDArrayIndex.interval(1, 1 + K), NDArrayIndex.interval(3, 3 + N));
            INDArray c = random(rng, M + 2, N + 2, order)
                    .get(NDArrayIndex.interval(1, 1 + M), NDArrayIndex.interval(2, 2 + N));
            check(a, b, c, false, false, "views in order " + order);
        }
    }

    @Test
    void rowAndColumnVectorsAsInTheBiasGradient() {
        Rng rng = new Rng(5);
        INDArray ones = Nd4j.create(DataType.FLOAT, new long[] {M, 1}, 'f').assign(1);
        INDArray delta = random(rng, M, N, 'f');
        INDArray biasGradient = random(rng, 1, N, 'c');
        check(ones, delta, biasGradient, true, false, "1ᵀ·δ");
    }

    /**
     * With the kernels on one thread, products of 2²¹ multiply-adds and more are split across two cores
     * ({@link TwoCores}): by columns of C when it is wider than tall, else by rows, with odd sizes so that the
     * halves differ. The split product must match the reference, and one call's result to float32 rounding
     * (oneDNN may block the sum differently for the halves' shapes).
     */
    @Test
    void productsSplitAcrossTwoCoresMatchOneCall() {
        int before = Threads.kernelThreads();
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        int wideBefore = Threads.wideThreads();
        Nd4j.getRandom().setSeed(7);
        try {
            Threads.setKernelThreads(1);
            for (int[] mnk : new int[][] {{129, 257, 100}, {301, 99, 120}}) {
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        for (char order : new char[] {'c', 'f'}) {
                            INDArray a = centred(ta ? mnk[2] : mnk[0], ta ? mnk[0] : mnk[2], order);
                            INDArray b = centred(tb ? mnk[1] : mnk[2], tb ? mnk[2] : mnk[1], order);
                            INDArray c = centred(mnk[0], mnk[1], order);
                            Threads.setWideThreads(1);
                            INDArray alone = Gemm.gemm(a, b, c.dup(order), ta, tb, 0.75, -1.5);
                            Threads.setWideThreads(2);
                            INDArray split = Gemm.gemm(a, b, c.dup(order), ta, tb, 0.75, -1.5);
                            String what = mnk[0] + "×" + mnk[1] + "×" + mnk[2] + " ta=" + ta + " tb=" + tb
                                    + " order " + order;
                            assertEquals(0.0, split.sub(alone).amaxNumber().doubleValue(), 1e-5, what);
                            check(a, b, c, ta, tb, what);
                        }
                    }
                }
            }
        } finally {
            Threads.setWideThreads(wideBefore);
            Threads.setKernelThreads(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
    }

    @Test
    void float64GoesToNd4j() {
        Rng rng = new Rng(6);
        INDArray a = random(rng, M, K, 'c').castTo(DataType.DOUBLE);
        INDArray b = random(rng, K, N, 'c').castTo(DataType.DOUBLE);
        INDArray c = Nd4j.zeros(DataType.DOUBLE, M, N);
        assertSame(c, Gemm.gemm(a, b, c, false, false, 1.0, 0.0));
        assertTrue(a.mmul(b).equalsWithEps(c, 1e-12));
    }

    @Test
    void mismatchedShapesAreRefused() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, M, K);
        INDArray b = Nd4j.zeros(DataType.FLOAT, K + 1, N);
        INDArray c = Nd4j.zeros(DataType.FLOAT, M, N);
        assertThrows(RuntimeException.class, () -> Gemm.gemm(a, b, c, false, false, 1.0, 0.0));
    }

    private static void check(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, String what) {
        double alpha = 0.75;
        double beta = -1.5;
        INDArray a64 = a.castTo(DataType.DOUBLE);
        INDArray b64 = b.castTo(DataType.DOUBLE);
        INDArray expected = (ta ? a64.transpose() : a64).mmul(tb ? b64.transpose() : b64).muli(alpha)
                .addi(c.castTo(DataType.DOUBLE).muli(beta));
        Gemm.gemm(a, b, c, ta, tb, alpha, beta);
        INDArray error = c.castTo(DataType.DOUBLE).subi(expected);
        double worst = error.amaxNumber().doubleValue();
        assertTrue(worst < 1e-5, what + ": largest error " + worst);
    }

    /** Uniform on [−½, ½), drawn by ND4J: faster than {@link #random} for large matrices. */
    private static INDArray centred(int rows, int columns, char order) {
        return Nd4j.rand(DataType.FLOAT, rows, columns).subi(0.5).dup(order);
    }

    private static INDArray random(Rng rng, int rows, int columns, char order) {
        INDArray x = Nd4j.create(DataType.FLOAT, new long[] {rows, columns}, order);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                x.putScalar(i, j, rng.nextDouble() * 2 - 1);
            }
        }
        return x;
    }
}
