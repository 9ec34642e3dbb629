package io.backprop4j.core;

import io.backprop4j.core.kernels.Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Examples and their targets, one per row: {@code features [n, …]}, {@code labels [n, …]} (one-hot rows,
 * regression targets, or class indices {@code [n, 1]}), and the names of the classes when the labels are
 * classes (index k names class k; empty otherwise), as a loader found them.
 */
public record DataSet(INDArray features, INDArray labels, List<String> classNames) {

    public DataSet {
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("DataSet: " + features.size(0) + " feature rows "
                    + Arrays.toString(features.shape()) + " but " + labels.size(0) + " label rows "
                    + Arrays.toString(labels.shape()) + "; each example needs one row of each.");
        }
        classNames = List.copyOf(classNames);
    }

    /** Examples whose classes have no names (or that are no classification). */
    public DataSet(INDArray features, INDArray labels) {
        this(features, labels, List.of());
    }

    public int size() {
        return Math.toIntExact(features.size(0));
    }

    /** Both arrays converted to {@code type} (a no-op for arrays already of that type). */
    public DataSet castTo(DataType type) {
        return new DataSet(features.castTo(type), labels.castTo(type), classNames);
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), as views: no copy. */
    public DataSet range(int from, int to) {
        return new DataSet(features.get(NDArrayIndex.interval(from, to)), labels.get(NDArrayIndex.interval(from, to)),
                classNames);
    }

    /** The examples at {@code rows}, in that order, copied. */
    public DataSet rows(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("DataSet: a selection needs at least one row");
        }
        return new DataSet(pullRows(features, rows), pullRows(labels, rows), classNames);
    }

    /** The class of each example: the arg-max of a one-hot or soft row, or the value of a class-index label. */
    public int[] classIndices() {
        return classIndices(labels);
    }

    /**
     * The class of each row of {@code labels}: the arg-max of a one-hot or soft row, or a class index of shape
     * {@code [n]} or {@code [n, 1]}; a value that is not a whole number is refused, as continuous targets are no classes.
     */
    public static int[] classIndices(INDArray labels) {
        if (labels.rank() == 2 && labels.columns() > 1) {
            return Kernels.argMaxRows(labels);
        }
        double[] values = labels.reshape(labels.length()).toDoubleVector();
        int[] indices = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            indices[i] = (int) values[i];
            if (indices[i] != values[i]) {
                throw new IllegalArgumentException("DataSet: label " + values[i] + " of row " + i + " is not a class "
                        + "index (a whole number 0…K−1) nor are the labels one-hot rows; for regression targets use "
                        + "the regression metrics (mse, mae, r2, or RegressionMetrics)");
            }
        }
        return indices;
    }

    /** The labels as one-hot rows {@code [n, classes]} of the features' type; class-index labels are converted. */
    public DataSet oneHot(int classes) {
        int[] indices = classIndices();
        INDArray rows = Nd4j.zeros(features.dataType(), indices.length, classes);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= classes) {
                throw new IllegalArgumentException("DataSet: label " + indices[i] + " of row " + i
                        + " is outside the classes 0.." + (classes - 1));
            }
            rows.putScalar(i, indices[i], 1);
        }
        return new DataSet(features, rows, classNames);
    }

    /**
     * Splits into {@code [training, held out]} with {@code fraction} of the examples held out, drawn at random
     * with {@code seed}. Classes (one-hot rows, or class indices of a data set that names its classes, as the
     * loaders' are) are split stratified: each class keeps its share on both sides, as scikit-learn's
     * {@code train_test_split(..., stratify=y)}. Other labels (regression targets) are split at random.
     */
    public List<DataSet> split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("DataSet: the held-out fraction must be in (0, 1), got " + fraction);
        }
        int[] classes = classNames.isEmpty() && !(labels.rank() == 2 && labels.columns() > 1) ? new int[size()]
                : classIndices();
        int groups = Arrays.stream(classes).max().orElse(0) + 1;
        Rng rng = new Rng(seed);
        List<Integer> kept = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            final int g = group;
            int[] members = IntStream.range(0, classes.length).filter(i -> classes[i] == g).toArray();
            int[] order = rng.permutation(members.length);
            long held = Math.round(fraction * members.length);
            for (int k = 0; k < members.length; k++) {
                (k < held ? heldOut : kept).add(members[order[k]]);
            }
        }
        if (kept.isEmpty() || heldOut.isEmpty()) {
            throw new IllegalArgumentException("DataSet: holding out " + fraction + " of " + size()
                    + " examples leaves one side empty");
        }
        return List.of(rows(kept.stream().sorted().mapToInt(Integer::intValue).toArray()),
                rows(heldOut.stream().sorted().mapToInt(Integer::intValue).toArray()));
    }

    /** {@code array}'s rows at {@code rows}, whatever its rank, as a new array of the same trailing shape. */
    private static INDArray pullRows(INDArray array, int[] rows) {
        long[] shape = array.shape().clone();
        shape[0] = rows.length;
        INDArray rowMajor = array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
        INDArray matrix = rowMajor.reshape('c', array.size(0), array.length() / Math.max(1, array.size(0)));
        return Nd4j.pullRows(matrix, 1, rows).reshape('c', shape);
    }
}
