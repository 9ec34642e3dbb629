package io.backprop4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * How the partitions' vectors are summed, {@code s = Σ_p v_p}, each vector of length L from P partitions.
 */
public enum AllReduce {

    /**
     * Spark's {@code treeReduce}: the partitions' vectors are added in a tree of depth 2 on the executors and the
     * sum arrives at the driver; the driver receives about √P·L numbers.
     */
    TREE {
        @Override
        double[] sum(JavaRDD<double[]> vectors, int length) {
            return vectors.treeReduce(AllReduce::addInto, 2);
        }
    },

    /**
     * A sharded reduce through Spark's shuffle: each vector is cut into P slices, slice j of every partition goes
     * to reducer j, which sums it ({@code s_j = Σ_p v_{p,j}}), so each task adds L/P numbers from each partition
     * and no task holds every partition's vector; the driver then receives the P summed slices (L numbers).
     */
    SHARDED {
        @Override
        double[] sum(JavaRDD<double[]> vectors, int length) {
            int shards = vectors.getNumPartitions();
            Map<Integer, double[]> slices = vectors
                    .flatMapToPair(v -> slices(v, shards).iterator())
                    .reduceByKey(AllReduce::addInto, shards)
                    .collectAsMap();
            double[] sum = new double[length];
            slices.forEach((j, slice) -> System.arraycopy(slice, 0, sum, start(j, length, shards), slice.length));
            return sum;
        }
    };

    /** Σ_p v_p over the partitions of {@code vectors}, each of {@code length} numbers. */
    abstract double[] sum(JavaRDD<double[]> vectors, int length);

    /** The all-reduce named {@code name}, case-insensitively. */
    public static AllReduce of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown all-reduce '" + name + "'; expected one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
        }
    }

    /** a ← a + b; returns a. */
    static double[] addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static List<Tuple2<Integer, double[]>> slices(double[] v, int shards) {
        List<Tuple2<Integer, double[]>> slices = new ArrayList<>(shards);
        for (int j = 0; j < shards; j++) {
            slices.add(new Tuple2<>(j, Arrays.copyOfRange(v, start(j, v.length, shards), start(j + 1, v.length,
                    shards))));
        }
        return slices;
    }

    /** Where slice j of P starts in a vector of {@code length}: {@code ⌊j·L/P⌋}. */
    private static int start(int j, int length, int shards) {
        return (int) ((long) j * length / shards);
    }
}
