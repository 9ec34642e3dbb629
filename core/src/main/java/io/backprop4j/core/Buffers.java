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

    /** {@code buffer} if it already matches {@code template}'s type and shape, else a new row-major array. */
    public static INDArray like(INDArray buffer, INDArray template) {
        return reuse(buffer, template.dataType(), 'c', template.shape());
    }
}
