package io.backprop4j.core.kernels;

import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row gathers, {@code target[i] = source[rows[i]]} along the first dimension: how a mini-batch is drawn from a
 * data set.
 *
 * <p>Arrays whose elements lie contiguously in row-major order are copied with one {@code memcpy} per row,
 * faster than {@link Nd4j#pullRows} (docs/performance.md, kernel figures). Other matrices go to
 * {@link Nd4j#pullRows}, other arrays slice by slice.
 */
final class Rows {

    private Rows() {
    }

    /** Copies row {@code rows[i]} of {@code source} into row i of {@code target}, for every i; returns target. */
    public static INDArray gather(INDArray source, int[] rows, INDArray target) {
        return gather(source, rows, 0, rows.length, target);
    }

    /**
     * Copies row {@code rows[i]} of {@code source} into row i of {@code target} for i in [from, to), one part
     * of a gather that is done in parts; returns target.
     */
    public static INDArray gather(INDArray source, int[] rows, int from, int to, INDArray target) {
        check(source, rows, from, to, target);
        if (rowMajorContiguous(source) && rowMajorContiguous(target)) {
            copyRows(source, rows, from, to, target);
        } else if (source.rank() == 2 && from == 0 && to == rows.length) {
            Nd4j.pullRows(source, target, 1, rows);
        } else {
            for (int i = from; i < to; i++) {
                target.slice(i).assign(source.slice(rows[i]));
            }
        }
        return target;
    }

    private static void copyRows(INDArray source, int[] rows, int from, int to, INDArray target) {
        long rowBytes = source.length() / source.size(0) * source.dataType().width();
        BytePointer origin = new BytePointer(NativeMemory.address(source));
        BytePointer destination = new BytePointer(NativeMemory.address(target));
        for (int i = from; i < to; i++) {
            Pointer.memcpy(destination.position(i * rowBytes), origin.position(rows[i] * rowBytes), rowBytes);
        }
    }

    private static boolean rowMajorContiguous(INDArray x) {
        return x.ordering() == 'c' && x.elementWiseStride() == 1;
    }

    private static void check(INDArray source, int[] rows, int from, int to, INDArray target) {
        long[] rowShape = Arrays.copyOfRange(source.shape(), 1, source.rank());
        if (source.rank() < 1 || target.rank() != source.rank() || target.size(0) != rows.length
                || !Arrays.equals(rowShape, Arrays.copyOfRange(target.shape(), 1, target.rank()))
                || target.dataType() != source.dataType()) {
            throw new IllegalArgumentException("Rows: gathering " + rows.length + " rows of " + Arguments.describe(source)
                    + " needs a " + source.dataType() + " target of " + rows.length + " rows of shape "
                    + Arrays.toString(rowShape) + ", got " + Arguments.describe(target));
        }
        if (from < 0 || from > to || to > rows.length) {
            throw new IndexOutOfBoundsException("Rows: the positions to copy must lie within the " + rows.length
                    + " rows given, got [" + from + ", " + to + ")");
        }
        for (int i = from; i < to; i++) {
            int row = rows[i];
            if (row < 0 || row >= source.size(0)) {
                throw new IndexOutOfBoundsException("Rows: row " + row + " of " + Arguments.describe(source)
                        + " does not exist; rows run from 0 to " + (source.size(0) - 1));
            }
        }
    }
}
