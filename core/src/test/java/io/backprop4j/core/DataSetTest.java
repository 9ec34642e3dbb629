package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DataSetTest {

    /** 100 examples, 80 of class 0 and 20 of class 1; feature row i is [i, −i]. */
    private static DataSet imbalanced() {
        float[][] features = new float[100][];
        float[][] labels = new float[100][1];
        for (int i = 0; i < 100; i++) {
            features[i] = new float[] {i, -i};
            labels[i][0] = i % 5 == 0 ? 1 : 0;
        }
        return new DataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels), List.of("no", "yes"));
    }

    @Test
    void aStratifiedSplitKeepsEachClassesShareAndEveryExampleOnce() {
        List<DataSet> parts = imbalanced().split(0.25, 7);
        DataSet train = parts.get(0);
        DataSet held = parts.get(1);
        assertEquals(75, train.size());
        assertEquals(25, held.size());
        assertEquals(5, Arrays.stream(held.classIndices()).sum(), "20 × 0.25 of class 1 held out");
        assertEquals(List.of("no", "yes"), held.classNames());
        float[] seen = new float[100];
        for (DataSet part : parts) {
            for (int r = 0; r < part.size(); r++) {
                INDArray row = part.features().getRow(r);
                assertEquals(0, row.getFloat(0) + row.getFloat(1), "features and labels stay together");
                assertEquals(((int) row.getFloat(0)) % 5 == 0 ? 1 : 0, part.classIndices()[r]);
                seen[(int) row.getFloat(0)]++;
            }
        }
        for (float count : seen) {
            assertEquals(1, count);
        }
        assertArrayEquals(held.features().toFloatMatrix(), imbalanced().split(0.25, 7).get(1).features().toFloatMatrix(),
                "the same seed, the same split");
    }

    @Test
    void oneHotRowsFromClassIndicesAndRefusals() {
        DataSet hot = imbalanced().oneHot(2);
        assertArrayEquals(new long[] {100, 2}, hot.labels().shape());
        assertArrayEquals(new float[] {0, 1}, hot.labels().getRow(5).toFloatVector());
        assertArrayEquals(imbalanced().classIndices(), hot.classIndices());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> imbalanced().oneHot(1)).getMessage()
                .contains("label 1 of row 0 is outside the classes 0..0"));
        assertThrows(IllegalArgumentException.class, () -> imbalanced().split(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> imbalanced().rows(new int[0]));
    }
}
