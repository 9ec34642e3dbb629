package io.backprop4j.core.data;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mini-batches of a data set: consecutive slices of an order of its examples, the last one possibly
 * smaller. {@link #shuffled} draws a fresh permutation per call (per epoch) and gathers each batch's rows
 * with one native call into arrays this object keeps and reuses, so steady-state training allocates no
 * batch memory and the data set itself is never copied; a gathered batch is valid until the next one is
 * drawn. {@link #inOrder} returns views with no copy at all.
 */
public final class Batches {

    private final DataSet data;
    private final int batchSize;
    private final DataSet[] buffers = new DataSet[2];

    public Batches(DataSet data, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batches: batch size must be positive, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
    }

    /** The number of batches of {@code batchSize} in {@code n} examples, ⌈n / batchSize⌉. */
    public static int count(int n, int batchSize) {
        return (n + batchSize - 1) / batchSize;
    }

    /** The batches of {@code data} in its own order, as views. */
    public static Iterable<DataSet> inOrder(DataSet data, int batchSize) {
        return () -> new Walk(data.size(), batchSize) {
            @Override
            DataSet batch(int from, int to) {
                return data.range(from, to);
            }
        };
    }

    /** One epoch's batches in a random order drawn from {@code rng}, gathered into reused arrays. */
    public Iterable<DataSet> shuffled(Rng rng) {
        int[] order = rng.permutation(data.size());
        return () -> new Walk(order.length, batchSize) {
            @Override
            DataSet batch(int from, int to) {
                return gather(Arrays.copyOfRange(order, from, to));
            }
        };
    }

    private DataSet gather(int[] rows) {
        int slot = rows.length == batchSize ? 0 : 1;
        DataSet buffer = buffers[slot];
        if (buffer == null || buffer.size() != rows.length) {
            buffer = new DataSet(rowsLike(data.features(), rows.length), rowsLike(data.labels(), rows.length));
            buffers[slot] = buffer;
        }
        Nd4j.pullRows(data.features(), buffer.features(), 1, rows);
        Nd4j.pullRows(data.labels(), buffer.labels(), 1, rows);
        return buffer;
    }

    private static INDArray rowsLike(INDArray source, int rows) {
        long[] shape = source.shape().clone();
        shape[0] = rows;
        return Nd4j.createUninitialized(source.dataType(), shape, 'c');
    }

    /** Walks [0, n) in steps of batchSize. */
    private abstract static class Walk implements Iterator<DataSet> {
        private final int n;
        private final int batchSize;
        private int from;

        Walk(int n, int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("Batches: batch size must be positive, got " + batchSize);
            }
            this.n = n;
            this.batchSize = batchSize;
        }

        abstract DataSet batch(int from, int to);

        @Override
        public boolean hasNext() {
            return from < n;
        }

        @Override
        public DataSet next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int to = Math.min(from + batchSize, n);
            DataSet batch = batch(from, to);
            from = to;
            return batch;
        }
    }
}
