package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Shapes;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link Rows#gather}, {@code target[i] = source[rows[i]]}, on each path: memcpy, ND4J's pullRows, slices. */
class RowsTest {

    private static final int[] ROWS = {4, 0, 4, 9, 2};

    @Test
    void rowMajorMatricesAndTheirRowViewsCopyTheNamedRows() {
        INDArray source = Nd4j.arange(10 * 6).castTo(DataType.FLOAT).reshape('c', 10, 6);
        INDArray tail = Nd4j.arange(12 * 6).castTo(DataType.FLOAT).reshape('c', 12, 6)
                .get(NDArrayIndex.interval(2, 12), NDArrayIndex.all());
        for (INDArray from : new INDArray[] {source, tail, source.dup('f'), source.castTo(DataType.DOUBLE)}) {
            INDArray target = Nd4j.create(from.dataType(), ROWS.length, 6);
            assertSame(target, Rows.gather(from, ROWS, target));
            for (int i = 0; i < ROWS.length; i++) {
                assertEquals(from.getRow(ROWS[i]), target.getRow(i), "row " + i + " of " + Shapes.describe(from));
            }
        }
    }

    @Test
    void imagesAndColumnMajorImagesGatherWholeExamples() {
        INDArray images = Nd4j.arange(10 * 2 * 3 * 3).castTo(DataType.FLOAT).reshape('c', 10, 2, 3, 3);
        for (INDArray from : new INDArray[] {images, images.dup('f')}) {
            INDArray target = Nd4j.create(DataType.FLOAT, ROWS.length, 2, 3, 3);
            Rows.gather(from, ROWS, target);
            for (int i = 0; i < ROWS.length; i++) {
                assertEquals(from.slice(ROWS[i]), target.slice(i), "example " + i + " of " + from.ordering());
            }
        }
    }

    @Test
    void aPartOfAGatherCopiesOnlyItsPositions() {
        INDArray source = Nd4j.arange(10 * 6).castTo(DataType.FLOAT).reshape('c', 10, 6);
        for (INDArray from : new INDArray[] {source, source.dup('f')}) {
            INDArray target = Nd4j.valueArrayOf(new long[] {ROWS.length, 6}, -1f);
            Rows.gather(from, ROWS, 1, 3, target);
            for (int i = 0; i < ROWS.length; i++) {
                INDArray expected = i >= 1 && i < 3 ? from.getRow(ROWS[i]) : Nd4j.valueArrayOf(new long[] {6}, -1f);
                assertEquals(expected, target.getRow(i), "row " + i + " from order " + from.ordering());
            }
        }
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class,
                () -> Rows.gather(source, ROWS, 3, 6, Nd4j.zeros(DataType.FLOAT, ROWS.length, 6)));
        assertTrue(outside.getMessage().contains("[3, 6)"), outside.getMessage());
    }

    @Test
    void badRowsAndTargetsAreRefusedWithWhatWasExpected() {
        INDArray source = Nd4j.zeros(DataType.FLOAT, 10, 6);
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class,
                () -> Rows.gather(source, new int[] {3, 10}, Nd4j.zeros(DataType.FLOAT, 2, 6)));
        assertTrue(outside.getMessage().contains("row 10") && outside.getMessage().contains("0 to 9"),
                outside.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Rows.gather(source, new int[] {3, 4}, Nd4j.zeros(DataType.FLOAT, 2, 5)));
        assertTrue(shape.getMessage().contains("[6]") && shape.getMessage().contains("[2, 5]"), shape.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Rows.gather(source, new int[] {3, 4}, Nd4j.zeros(DataType.DOUBLE, 2, 6)));
    }
}
