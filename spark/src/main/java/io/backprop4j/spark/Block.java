package io.backprop4j.spark;

import java.io.Serializable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One partition's examples, numbered {@code first} to {@code first + size − 1} in the data set's global order:
 * each row's features and its label (a class index, or a regression target). Kept in the executors' memory for
 * the whole fit, so each step only gathers the rows of its batch that live here.
 */
record Block(long first, double[][] features, double[] labels) implements Serializable {

    int size() {
        return labels.length;
    }

    /**
     * The rows of this block among the global batch {@code rows} (global indices), in the batch's order, as
     * local row numbers.
     */
    int[] localRows(int[] rows) {
        int count = 0;
        int[] local = new int[rows.length];
        for (int row : rows) {
            if (row >= first && row < first + size()) {
                local[count++] = (int) (row - first);
            }
        }
        return java.util.Arrays.copyOf(local, count);
    }

    /** The features of {@code local} rows as a [k, d] array of {@code type}. */
    INDArray features(int[] local, DataType type) {
        double[][] rows = new double[local.length][];
        for (int i = 0; i < local.length; i++) {
            rows[i] = features[local[i]];
        }
        return Nd4j.createFromArray(rows).castTo(type);
    }

    /** The labels of {@code local} rows: [k] class indices, or a [k, 1] column of targets. */
    INDArray labels(int[] local, DataType type, boolean classes) {
        double[] picked = new double[local.length];
        for (int i = 0; i < local.length; i++) {
            picked[i] = labels[local[i]];
        }
        INDArray column = Nd4j.createFromArray(picked).castTo(type);
        return classes ? column : column.reshape(local.length, 1);
    }
}
