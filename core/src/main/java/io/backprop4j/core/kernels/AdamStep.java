package io.backprop4j.core.kernels;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam's moments and direction in one pass over memory: {@code m ← β₁m + (1 − β₁)g}, {@code v ← β₂v + (1 − β₂)g²},
 * {@code g ← α·m / (√v + ε)}, with α and ε given (the caller folds the bias corrections into them).
 *
 * <p>Contiguous float32 and float64 arrays of one layout are copied in chunks of {@value #CHUNK} elements into
 * Java arrays, where the JIT compiles the loop to vector instructions, and copied back: faster than libnd4j's
 * {@code adam_updater} op at every size, 30× at the 64-element bias of a small network, where that op's fixed cost
 * per call dominates, and 4–6× at a 235,146-weight MLP (docs/performance.md). Other arrays are left to the caller.
 */
final class AdamStep {

    private static final int CHUNK = 1024;
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[3][CHUNK]);
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[3][CHUNK]);

    private AdamStep() {
    }

    /** The step above on g, m and v; false, changing nothing, when they are not direct arrays of one layout. */
    static boolean apply(INDArray g, INDArray m, INDArray v, double beta1, double beta2, double alpha,
            double epsilon) {
        DataType type = g.dataType();
        boolean direct = (type == DataType.FLOAT || type == DataType.DOUBLE) && m.dataType() == type
                && v.dataType() == type && NativeMemory.sameContiguousLayout(g, m)
                && NativeMemory.sameContiguousLayout(g, v);
        if (!direct) {
            return false;
        }
        int n = (int) g.length();
        if (type == DataType.FLOAT) {
            floats(NativeMemory.floatBuffer(g), NativeMemory.floatBuffer(m), NativeMemory.floatBuffer(v), n, beta1,
                    beta2, (float) alpha, (float) epsilon);
        } else {
            doubles(NativeMemory.doubleBuffer(g), NativeMemory.doubleBuffer(m), NativeMemory.doubleBuffer(v), n,
                    beta1, beta2, alpha, epsilon);
        }
        return true;
    }

    /**
     * The float32 loop; β₁, β₂ and 1 − β₁, 1 − β₂ are each rounded from double (computed in float, 1 − 0.999f is
     * off 0.001 by a relative 4.7·10⁻⁵).
     */
    private static void floats(FloatBuffer g, FloatBuffer m, FloatBuffer v, int n, double beta1Double,
            double beta2Double, float alpha, float epsilon) {
        float[][] scratch = FLOATS.get();
        float[] gs = scratch[0];
        float[] ms = scratch[1];
        float[] vs = scratch[2];
        float beta1 = (float) beta1Double;
        float keep1 = (float) (1 - beta1Double);
        float beta2 = (float) beta2Double;
        float keep2 = (float) (1 - beta2Double);
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            g.get(from, gs, 0, k);
            m.get(from, ms, 0, k);
            v.get(from, vs, 0, k);
            for (int i = 0; i < k; i++) {
                float gi = gs[i];
                float mi = beta1 * ms[i] + keep1 * gi;
                float vi = beta2 * vs[i] + keep2 * gi * gi;
                ms[i] = mi;
                vs[i] = vi;
                gs[i] = alpha * mi / ((float) Math.sqrt(vi) + epsilon);
            }
            g.put(from, gs, 0, k);
            m.put(from, ms, 0, k);
            v.put(from, vs, 0, k);
        }
    }

    private static void doubles(DoubleBuffer g, DoubleBuffer m, DoubleBuffer v, int n, double beta1, double beta2,
            double alpha, double epsilon) {
        double[][] scratch = DOUBLES.get();
        double[] gs = scratch[0];
        double[] ms = scratch[1];
        double[] vs = scratch[2];
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            g.get(from, gs, 0, k);
            m.get(from, ms, 0, k);
            v.get(from, vs, 0, k);
            for (int i = 0; i < k; i++) {
                double gi = gs[i];
                double mi = beta1 * ms[i] + (1 - beta1) * gi;
                double vi = beta2 * vs[i] + (1 - beta2) * gi * gi;
                ms[i] = mi;
                vs[i] = vi;
                gs[i] = alpha * mi / (Math.sqrt(vi) + epsilon);
            }
            g.put(from, gs, 0, k);
            m.put(from, ms, 0, k);
            v.put(from, vs, 0, k);
        }
    }
}
