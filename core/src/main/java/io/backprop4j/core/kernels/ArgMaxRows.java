package io.backprop4j.core.kernels;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
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
        int rows = (int) x.rows();
        int columns = (int) x.columns();
        return type == DataType.FLOAT ? floats(x, rows, columns) : doubles(x, rows, columns);
    }

    private static int[] floats(INDArray x, int rows, int columns) {
        FloatPointer elements = new FloatPointer(NativeMemory.address(x));
        FloatBuffer values = elements.limit(elements.position() + x.length()).asBuffer();
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            float largest = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                float value = values.get(i * columns + j);
                if (value > largest) {
                    largest = value;
                    best = j;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    private static int[] doubles(INDArray x, int rows, int columns) {
        DoublePointer elements = new DoublePointer(NativeMemory.address(x));
        DoubleBuffer values = elements.limit(elements.position() + x.length()).asBuffer();
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            double largest = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                double value = values.get(i * columns + j);
                if (value > largest) {
                    largest = value;
                    best = j;
                }
            }
            classes[i] = best;
        }
        return classes;
    }
}
