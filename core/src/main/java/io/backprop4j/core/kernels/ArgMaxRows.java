package io.backprop4j.core.kernels;

import java.util.function.IntToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The column of each row's largest element, {@code k_i = argmax_j x_ij}, the first on ties: a class from each row of
 * scores or one-hot labels. A Java loop over a row-major float32 or float64 array's memory, which on a batch of a
 * few dozen rows costs a fraction of a microsecond against ND4J's arg-max operation's tens (the per-batch accuracy
 * of a small network's training, docs/performance.md). NaN is never the largest. Other arrays are left to the caller.
 */
final class ArgMaxRows {

    private ArgMaxRows() {
    }

    /** The arg-max of each row of the 2-D {@code x}, or null, computing nothing, for an array not row-major dense. */
    static int[] apply(INDArray x) {
        DataType type = x.dataType();
        boolean direct = (type == DataType.FLOAT || type == DataType.DOUBLE) && x.rank() == 2 && x.length() > 0
                && x.ordering() == 'c' && x.elementWiseStride() == 1;
        if (!direct) {
            return null;
        }
        IntToDoubleFunction element = type == DataType.FLOAT ? NativeMemory.floatBuffer(x)::get
                : NativeMemory.doubleBuffer(x)::get;
        int rows = (int) x.rows();
        int columns = (int) x.columns();
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++) {
            double largest = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                double value = element.applyAsDouble(i * columns + j);
                if (value > largest) {
                    largest = value;
                    classes[i] = j;
                }
            }
        }
        return classes;
    }
}
