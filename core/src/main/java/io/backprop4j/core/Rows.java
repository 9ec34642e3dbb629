package io.backprop4j.core;

import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row gathers, {@code target[i] = source[rows[i]]} along the first dimension: how a mini-batch is drawn from a
 * data set.
 *
 * <p>Arrays whose elements lie contiguously in row-major order are copied with one {@code memcpy} per row:
 * 128 random Fashion-MNIST images took 58–63 µs this way and 138–172 µs through {@link Nd4j#pullRows}
 * (docs/performance.md). Other matrices go to {@link Nd4j#pullRows}, other arrays slice by slice.
 */
public final class Rows {

    private Rows() {
    }

    /** Copies row {@code rows[i]} of {@code source} into row i of {@code target}, for every i; returns target. */
    public static INDArray gather(INDArray source, int[] rows, INDArray target) {
        check(source, rows, target);
        if (rowMajorContiguous(source) && rowMajorContiguous(target)) {
            copyRows(source, rows, target);
        } else if (source.rank() == 2) {
            Nd4j.pullRows(source, target, 1, rows);
        } else {
            for (int i = 0; i < rows.length; i++) {
                target.slice(i).assign(source.slice(rows[i]));
            }
        }
        return target;
    }

    private static void copyRows(INDArray source, int[] rows, INDArray target) {
        long rowBytes = source.length() / source.size(0) * source.dataType().width();
        BytePointer from = new BytePointer(NativeMemory.address(source));
        BytePointer to = new BytePointer(NativeMemory.address(target));
        for (int i = 0; i < rows.length; i++) {
            Pointer.memcpy(to.position(i * rowBytes), from.position(rows[i] * rowBytes), rowBytes);
        }
    }

    private static boolean rowMajorContiguous(INDArray x) {
        return x.ordering() == 'c' && x.elementWiseStride() == 1;
    }

    private static void check(INDArray source, int[] rows, INDArray target) {
        long[] rowShape = Arrays.copyOfRange(source.shape(), 1, source.rank());
        if (source.rank() < 2 || target.rank() != source.rank() || target.size(0) != rows.length
                || !Arrays.equals(rowShape, Arrays.copyOfRange(target.shape(), 1, target.rank()))
                || target.dataType() != source.dataType()) {
            throw new IllegalArgumentException("Rows: gathering " + rows.length + " rows of " + Shapes.describe(source)
                    + " needs a " + source.dataType() + " target of " + rows.length + " rows of shape "
                    + Arrays.toString(rowShape) + ", got " + Shapes.describe(target));
        }
        for (int row : rows) {
            if (row < 0 || row >= source.size(0)) {
                throw new IndexOutOfBoundsException("Rows: row " + row + " of " + Shapes.describe(source)
                        + " does not exist; rows run from 0 to " + (source.size(0) - 1));
            }
        }
    }
}
