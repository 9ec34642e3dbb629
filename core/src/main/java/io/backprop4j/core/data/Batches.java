package io.backprop4j.core.data;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The mini-batches of one epoch: consecutive slices of an order of the examples, the last one possibly
 * smaller. {@link #shuffled} draws a fresh permutation and gathers each batch's rows with one native call
 * (only the batch is copied, never the whole data set); {@link #inOrder} returns views with no copy.
 */
public final class Batches implements Iterable<DataSet> {

    private final DataSet data;
    private final int batchSize;
    private final int[] order;

    private Batches(DataSet data, int batchSize, int[] order) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batches: batch size must be positive, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.order = order;
    }

    /** Batches in a random order drawn from {@code rng}: one permutation per call, so one per epoch. */
    public static Batches shuffled(DataSet data, int batchSize, Rng rng) {
        return new Batches(data, batchSize, rng.permutation(data.size()));
    }

    /** Batches in the data set's own order, as views. */
    public static Batches inOrder(DataSet data, int batchSize) {
        return new Batches(data, batchSize, null);
    }

    /** The number of batches, ⌈n / batchSize⌉. */
    public int count() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<DataSet> iterator() {
        return new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() {
                return from < data.size();
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(from + batchSize, data.size());
                DataSet batch = order == null ? data.range(from, to) : data.rows(Arrays.copyOfRange(order, from, to));
                from = to;
                return batch;
            }
        };
    }
}
