package io.backprop4j.core;

import io.backprop4j.core.kernels.Kernels;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks at the boundaries of layers and losses. Each failure is an {@link IllegalArgumentException}
 * that names who was called, what was expected, what came, and what to do about it.
 */
public final class Shapes {

    private Shapes() {
    }

    /** "[128, 784] FLOAT": an array's shape and data type for messages. */
    public static String describe(INDArray array) {
        return Arrays.toString(array.shape()) + " " + array.dataType();
    }

    /** Requires a matrix {@code [batch, columns]}: the layout of every dense mini-batch. */
    public static void requireMatrix(String who, String what, INDArray array, long columns) {
        if (array.rank() != 2 || array.columns() != columns) {
            throw new IllegalArgumentException(who + ": " + what + " has shape " + Arrays.toString(array.shape())
                    + ", expected [batch, " + columns + "]. Check the size of the layer before it, or reshape the data"
                    + " so that each row is one example.");
        }
        if (array.rows() == 0) {
            throw new IllegalArgumentException(who + ": " + what + " has shape " + Arrays.toString(array.shape())
                    + ", an empty batch; a batch needs at least one example.");
        }
    }

    /** Requires {@code array} to have the {@code rows} examples of the last forward pass. */
    public static void requireRows(String who, String what, INDArray array, long rows) {
        if (array.rank() == 0 || array.size(0) != rows) {
            throw new IllegalArgumentException(who + ": " + what + " has shape " + Arrays.toString(array.shape())
                    + " but the last forward pass had " + rows + " examples; pass the gradient of that batch.");
        }
    }

    /** Requires a batch of images {@code [batch, channels, height, width]} with {@code channels} channels. */
    public static void requireImages(String who, String what, INDArray array, long channels) {
        requireImages(who, what, array, array.rank() == 4 && array.size(1) == channels, String.valueOf(channels));
    }

    /** Requires a batch of images {@code [batch, channels, height, width]}. */
    public static void requireImages(String who, String what, INDArray array) {
        requireImages(who, what, array, array.rank() == 4, "channels");
    }

    private static void requireImages(String who, String what, INDArray array, boolean fits, String channels) {
        if (!fits) {
            throw new IllegalArgumentException(who + ": " + what + " has shape " + Arrays.toString(array.shape())
                    + ", expected [batch, " + channels + ", height, width]. Reshape flat images first (e.g. a "
                    + "Reshape(1, 28, 28) layer for MNIST rows of 784 pixels).");
        }
    }

    /** Requires two arrays of identical shape, as a loss needs for its prediction and target. */
    public static void requireSameShape(String who, String nameA, INDArray a, String nameB, INDArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(who + ": " + nameA + " has shape " + Arrays.toString(a.shape())
                    + " but " + nameB + " has shape " + Arrays.toString(b.shape()) + "; they must be equal.");
        }
    }

    /**
     * Requires a loss's target to have its prediction's shape; the message says which target layouts the loss
     * takes ({@code takes}, e.g. "0/1 targets of the logits' shape").
     */
    public static void requireTargetShape(String who, String predictionName, INDArray prediction, INDArray target,
            String takes) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException(who + ": target has shape " + Arrays.toString(target.shape()) + " for "
                    + predictionName + " of shape " + Arrays.toString(prediction.shape()) + "; it takes " + takes
                    + ".");
        }
    }

    /**
     * Requires every value to be finite: one native pass (a match-condition count); only when it fails is
     * the array searched for the first offending entry, which the message names.
     */
    public static void requireFinite(String who, String what, INDArray array) {
        String found = firstNonFinite(array);
        if (found != null) {
            throw new IllegalArgumentException(who + ": " + what + " contain " + found + ". Remove or impute non-finite"
                    + " values before training.");
        }
    }

    /**
     * The first NaN or ±∞ of {@code array} and where it is ("NaN at row 3, column 7 (shape [10, 784])"), or null
     * when every value is finite: one BLAS sum Σ|x| (no array allocated), and a search only when it is not finite.
     */
    public static String firstNonFinite(INDArray array) {
        if (array.isEmpty() || !array.dataType().isFPType() || Double.isFinite(Kernels.absoluteSum(array))) {
            return null;
        }
        INDArray rows = array.rank() == 1 ? array.reshape(1, array.length()) : array.reshape(array.size(0), -1);
        double[] values = rows.dup('c').data().asDouble();
        int columns = (int) rows.columns();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return values[i] + " at row " + i / columns + ", column " + i % columns + " (shape "
                        + Arrays.toString(array.shape()) + ")";
            }
        }
        return null;
    }

    /** Requires the data type a layer's parameters were created with. */
    public static void requireDataType(String who, INDArray array, DataType expected) {
        if (array.dataType() != expected) {
            throw new IllegalArgumentException(who + ": input is " + array.dataType() + " but the layer's parameters are "
                    + expected + ". Convert the input with castTo(DataType." + expected + ") or build the layer in "
                    + array.dataType() + ".");
        }
    }
}
