package io.backprop4j.core.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The row-wise log-softmax of a float32 row-major matrix, z_k = (x_k − m) − log Σ_i e^{x_i − m} with m the row
 * maximum: the shifts x_k − m (exact) in Java, their exponentials in one oneDNN kernel ({@link Elementwise#exp},
 * within an ulp or two), and each row's sum and logarithm in double precision. oneDNN's own float32 log-softmax,
 * one call, was off by up to 4e-6, ten times PyTorch's float32 error in an MLP's gradient; this is as close as
 * PyTorch's. Meant for a classifier's small logits (docs/performance.md); the elements are copied in bulk into
 * two arrays kept per thread, so a call allocates nothing.
 */
final class LogSoftmaxRows {

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private LogSoftmaxRows() {
    }

    /** Writes the log-softmax of {@code x}'s rows into {@code z}; false, computing nothing, where it does not apply. */
    static boolean apply(INDArray x, INDArray z) {
        if (!rowMajorFloats(x) || !rowMajorFloats(z) || !x.equalShapes(z)) {
            return false;
        }
        int rows = (int) x.rows();
        int columns = (int) x.columns();
        int n = (int) x.length();
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < n) {
            scratch[0] = new float[n];
            scratch[1] = new float[n];
        }
        float[] shifted = scratch[0];
        float[] exponentials = scratch[1];
        NativeMemory.floats(x).get(shifted, 0, n);
        for (int start = 0; start < n; start += columns) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = start; k < start + columns; k++) {
                max = Math.max(max, shifted[k]);
            }
            for (int k = start; k < start + columns; k++) {
                shifted[k] -= max;
            }
        }
        NativeMemory.floats(z).put(shifted, 0, n);
        Elementwise.exp(z, z);
        NativeMemory.floats(z).get(exponentials, 0, n);
        for (int r = 0, start = 0; r < rows; r++, start += columns) {
            double sum = 0;
            for (int k = start; k < start + columns; k++) {
                sum += exponentials[k];
            }
            double logSum = Math.log(sum);
            for (int k = start; k < start + columns; k++) {
                shifted[k] = (float) (shifted[k] - logSum);
            }
        }
        NativeMemory.floats(z).put(shifted, 0, n);
        return true;
    }

    private static boolean rowMajorFloats(INDArray x) {
        return x.dataType() == DataType.FLOAT && x.rank() == 2 && x.length() > 0 && x.length() <= Integer.MAX_VALUE
                && x.ordering() == 'c' && x.elementWiseStride() == 1;
    }
}
