package io.backprop4j.core;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reusable work arrays: a layer keeps its outputs and gradients in buffers created the first time a
 * batch shape is seen and reused for every later batch of that shape, so steady-state training
 * allocates nothing per step.
 */
public final class Buffers {

    private Buffers() {
    }

    /** {@code buffer} if it already has this type and shape, else a new uninitialized array in {@code order}. */
    public static INDArray reuse(INDArray buffer, DataType dataType, char order, long... shape) {
        if (buffer != null && buffer.dataType() == dataType && buffer.ordering() == order
                && Arrays.equals(buffer.shape(), shape)) {
            return buffer;
        }
        return Nd4j.createUninitialized(dataType, shape, order);
    }

    /** {@link #reuse(INDArray, DataType, char, long...)} for a matrix, with no shape array to compare per call. */
    public static INDArray reuse(INDArray buffer, DataType dataType, char order, long rows, long columns) {
        if (buffer != null && buffer.dataType() == dataType && buffer.ordering() == order && buffer.rank() == 2
                && buffer.rows() == rows && buffer.columns() == columns) {
            return buffer;
        }
        return Nd4j.createUninitialized(dataType, new long[] {rows, columns}, order);
    }

    /**
     * {@code buffer} if it already matches {@code template}'s type, shape and memory order, else a new array
     * of that order. Keeping the order matters: ND4J's element-wise kernels run several times slower when their
     * operands differ in order (docs/performance.md, kernel figures), so work arrays
     * follow the order of the arrays they are computed from.
     */
    public static INDArray like(INDArray buffer, INDArray template) {
        return reuse(buffer, template.dataType(), template.ordering(), template.shape());
    }
}
