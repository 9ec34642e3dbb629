package io.backprop4j.spark;

import java.io.Serializable;

/**
 * What the driver needs to know of a training set before it builds the network, computed on the executors
 * without collecting the rows: the row count, the narrowest and widest features, and the labels' range and
 * whether they are all whole numbers.
 */
record DataSummary(long rows, int minWidth, int maxWidth, double minLabel, double maxLabel, boolean wholeLabels)
        implements Serializable {

    /** The summary of no rows, the zero of {@link #plus}. */
    static final DataSummary NONE = new DataSummary(0, Integer.MAX_VALUE, 0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, true);

    static DataSummary of(Block block) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (double[] row : block.features()) {
            min = Math.min(min, row.length);
            max = Math.max(max, row.length);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double label : block.labels()) {
            low = Math.min(low, label);
            high = Math.max(high, label);
            whole &= label == Math.rint(label);
        }
        return new DataSummary(block.size(), min, max, low, high, whole);
    }

    DataSummary plus(DataSummary other) {
        return new DataSummary(rows + other.rows, Math.min(minWidth, other.minWidth),
                Math.max(maxWidth, other.maxWidth), Math.min(minLabel, other.minLabel),
                Math.max(maxLabel, other.maxLabel), wholeLabels && other.wholeLabels);
    }

    /** The features' width, refusing an empty set and rows of different widths. */
    int inputs() {
        if (rows == 0) {
            throw new IllegalArgumentException("the training data is empty; it needs at least one row");
        }
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the training data has " + rows + " rows; at most "
                    + (Integer.MAX_VALUE - 8) + " are supported");
        }
        if (minWidth != maxWidth) {
            throw new IllegalArgumentException("the features rows differ in width, from " + minWidth + " to "
                    + maxWidth + "; every row needs the same number of features");
        }
        return maxWidth;
    }

    /** The number of classes, max label + 1, refusing labels that are not class indices 0, 1, … */
    int classes() {
        if (!wholeLabels || minLabel < 0) {
            throw new IllegalArgumentException("class labels must be whole numbers 0, 1, …, but they range from "
                    + minLabel + " to " + maxLabel + (wholeLabels ? "" : " with fractions")
                    + "; train a NeuralNetworkRegressor for continuous targets");
        }
        if (maxLabel >= 100_000) {
            throw new IllegalArgumentException("the largest class label is " + (long) maxLabel + "; at most 99999 "
                    + "classes are supported");
        }
        return (int) maxLabel + 1;
    }
}
