package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Batches#shuffled}, which gathers the next two batches in the background, against the permutation it draws. */
class BatchesTest {

    @Test
    void prefetchedBatchesHoldTheRowsOfThePermutationUntilTheNextIsDrawn() {
        int n = 1000;
        INDArray index = Nd4j.arange(n).castTo(DataType.FLOAT).reshape(n, 1);
        DataSet data = new DataSet(Nd4j.hstack(index, index.mul(2), index.mul(3)), Nd4j.hstack(index, index.neg()));
        Batches batches = new Batches(data, 7);
        for (long seed = 1; seed <= 3; seed++) {
            int[] expected = new Rng(seed).permutation(n);
            int position = 0;
            for (DataSet batch : batches.shuffled(new Rng(seed))) {
                assertEquals(Math.min(7, n - position), batch.size());
                for (int row = 0; row < batch.size(); row++, position++) {
                    int example = expected[position];
                    String at = "seed " + seed + ", position " + position;
                    assertEquals(3.0 * example, batch.features().getDouble(row, 2), 0.0, at);
                    assertEquals(-example, batch.labels().getDouble(row, 1), 0.0, at);
                }
            }
            assertEquals(n, position);
        }
    }

    @Test
    void anEpochAbandonedAfterOneBatchLeavesTheNextEpochsBatchesIntact() {
        int n = 640;
        INDArray index = Nd4j.arange(n).castTo(DataType.FLOAT).reshape(n, 1);
        Batches batches = new Batches(new DataSet(Nd4j.hstack(index, index.mul(2)), index.dup()), 32);
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(32, batches.shuffled(new Rng(seed)).iterator().next().size());
            int[] expected = new Rng(seed + 100).permutation(n);
            int position = 0;
            for (DataSet batch : batches.shuffled(new Rng(seed + 100))) {
                for (int row = 0; row < batch.size(); row++, position++) {
                    assertEquals(2.0 * expected[position], batch.features().getDouble(row, 1), 0.0,
                            "seed " + seed + ", position " + position);
                }
            }
            assertEquals(n, position);
        }
    }
}
