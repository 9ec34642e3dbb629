package io.backprop4j.core.data;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.augment.Augmentation;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.core.kernels.Prefetch;
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
 *
 * <p>While the caller trains on batch k, batches k + 1 and k + 2 are gathered ahead on the second core
 * ({@link Prefetch}) when it is idle (as PyTorch's {@code DataLoader} prefetches two batches per worker): gathering a batch costs about a
 * tenth of an MLP training step (docs/performance.md, kernel figures). A batch the helper has not started is
 * gathered when it is drawn.
 */
public final class Batches {

    private final DataSet data;
    private final Augmentation augmentation;
    private final int batchSize;
    /** Full batches rotate through the first three buffers: one in use, two being gathered; a last smaller one takes the fourth. */
    private static final int FULL_BUFFERS = 3;
    /** Rows gathered per piece: 16 Fashion-MNIST images, a short job the helper can interleave. */
    private static final int PIECE_ROWS = 16;
    private final DataSet[] buffers = new DataSet[FULL_BUFFERS + 1];
    /** The two gathers ahead of the batch in use, shared by the epochs so that none outlives its epoch. */
    private final Gather[] ahead;

    public Batches(DataSet data, int batchSize) {
        this(data, batchSize, null);
    }

    /**
     * The batches of {@code data}, each shuffled batch augmented by {@code augmentation} as it is gathered (null
     * for none); an epoch's augmentation draws its seed from the generator that draws its order.
     */
    public Batches(DataSet data, int batchSize, Augmentation augmentation) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batches: batch size must be positive, got " + batchSize);
        }
        if (augmentation != null && data.features().length() != (long) data.size() * augmentation.size()) {
            throw new IllegalArgumentException("Batches: the augmentation takes images of " + augmentation.size()
                    + " pixels, the examples have " + data.features().length() / Math.max(1, data.size()));
        }
        this.data = data;
        this.augmentation = augmentation;
        this.batchSize = Math.min(batchSize, Math.max(1, data.size()));
        this.ahead = new Gather[] {new Gather(), new Gather()};
    }

    /** The batches of one epoch. */
    public int count() {
        return count(data.size(), batchSize);
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

    /** One epoch's batches in a random order drawn from {@code rng}, gathered into reused arrays ahead of use. */
    public Iterable<DataSet> shuffled(Rng rng) {
        int[] order = rng.permutation(data.size());
        long epochSeed = augmentation == null ? 0 : rng.nextLong();
        return () -> new Prefetching(order, epochSeed);
    }

    /**
     * Hands out batch k and meanwhile gathers batches k + 1 and k + 2 into the other buffers. A new epoch
     * first waits for the gathers an abandoned one left running, which write into the same buffers.
     */
    private final class Prefetching implements Iterator<DataSet> {
        private final int[] order;
        private final long epochSeed;
        private int from;
        private int count;
        private int drawn;

        Prefetching(int[] order, long epochSeed) {
            this.order = order;
            this.epochSeed = epochSeed;
            for (Gather gather : ahead) {
                gather.join();
                prefetch(gather);
            }
        }

        @Override
        public boolean hasNext() {
            return drawn < count;
        }

        @Override
        public DataSet next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Gather gather = ahead[drawn++ % ahead.length];
            gather.join();
            DataSet batch = gather.batch;
            prefetch(gather);
            return batch;
        }

        private void prefetch(Gather gather) {
            if (from < order.length) {
                int to = Math.min(from + batchSize, order.length);
                gather.prepare(order, from, to, to - from == batchSize ? count % FULL_BUFFERS : FULL_BUFFERS,
                        epochSeed);
                from = to;
                count++;
                gather.start();
            }
        }
    }

    /**
     * Gathers the rows {@code order[from..to)} into buffer {@code slot}, {@value #PIECE_ROWS} rows per piece,
     * so that the helper thread can take other work between two pieces.
     */
    private final class Gather {
        private final int[] rows = new int[batchSize];
        private final Prefetch prefetch = new Prefetch(this::gather);
        private int[] slice;
        private DataSet batch;
        private long epochSeed;
        private int position;

        void prepare(int[] order, int from, int to, int slot, long epochSeed) {
            this.epochSeed = epochSeed;
            this.position = from;
            slice = to - from == batchSize ? rows : new int[to - from];
            System.arraycopy(order, from, slice, 0, slice.length);
            if (buffers[slot] == null || buffers[slot].size() != slice.length) {
                buffers[slot] = new DataSet(rowsLike(data.features(), slice.length),
                        rowsLike(data.labels(), slice.length));
            }
            batch = buffers[slot];
        }

        void start() {
            prefetch.start((slice.length + PIECE_ROWS - 1) / PIECE_ROWS);
        }

        void join() {
            prefetch.join();
        }

        private void gather(int piece) {
            int from = piece * PIECE_ROWS;
            int to = Math.min(from + PIECE_ROWS, slice.length);
            Kernels.gatherRows(data.features(), slice, from, to, batch.features());
            Kernels.gatherRows(data.labels(), slice, from, to, batch.labels());
            if (augmentation != null) {
                augmentation.apply(batch.features(), from, to, epochSeed, position + from);
            }
        }
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
