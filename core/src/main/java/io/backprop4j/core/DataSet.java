package io.backprop4j.core;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Examples and their targets, one per row: {@code features [n, …]}, {@code labels [n, …]} (one-hot rows,
 * regression targets, or class indices {@code [n, 1]}).
 */
public record DataSet(INDArray features, INDArray labels) {

    public DataSet {
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("DataSet: " + features.size(0) + " feature rows "
                    + Arrays.toString(features.shape()) + " but " + labels.size(0) + " label rows "
                    + Arrays.toString(labels.shape()) + "; each example needs one row of each.");
        }
    }

    public int size() {
        return Math.toIntExact(features.size(0));
    }

    /** Both arrays converted to {@code type} (a no-op for arrays already of that type). */
    public DataSet castTo(DataType type) {
        return new DataSet(features.castTo(type), labels.castTo(type));
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), as views: no copy. */
    public DataSet range(int from, int to) {
        return new DataSet(features.get(NDArrayIndex.interval(from, to)), labels.get(NDArrayIndex.interval(from, to)));
    }
}
