package io.backprop4j.layers;

import io.backprop4j.core.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An array as a contiguous row-major one, so that it reshapes into a view: itself if it is one, else a copy. */
final class RowMajor {

    private INDArray copy;

    /** {@code a} if it is a whole row-major array, else {@code a} copied into a buffer this object reuses. */
    INDArray of(INDArray a) {
        if (a.ordering() == 'c' && !a.isView()) {
            return a;
        }
        copy = Buffers.reuse(copy, a.dataType(), 'c', a.shape());
        return copy.assign(a);
    }
}
