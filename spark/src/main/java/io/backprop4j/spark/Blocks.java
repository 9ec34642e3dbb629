package io.backprop4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A training set as one {@link Block} per partition, numbered in the data set's order by Spark's
 * {@code zipWithIndex}, so that partition p holds the contiguous global rows {@code [first_p, first_p + n_p)}.
 * Nothing is collected to the driver; the blocks stay cached on the executors for the fit.
 */
final class Blocks {

    private Blocks() {
    }

    /**
     * The rows of {@code data} as cached blocks, with {@code features} and {@code label} read as doubles; every
     * row must have {@code inputs} features (checked on the executors).
     */
    static JavaRDD<Block> of(Dataset<?> data, String features, String label) {
        Dataset<Row> rows = data.select(features, label).toDF();
        JavaRDD<Block> blocks = rows.javaRDD().zipWithIndex().mapPartitions(Blocks::block);
        return blocks.persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static Iterator<Block> block(Iterator<Tuple2<Row, Long>> rows) {
        List<double[]> features = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        long first = -1;
        while (rows.hasNext()) {
            Tuple2<Row, Long> next = rows.next();
            first = first < 0 ? next._2() : first;
            features.add(Features.of(next._1(), 0));
            if (next._1().isNullAt(1)) {
                throw new IllegalArgumentException("row " + next._2() + " has no label");
            }
            labels.add(((Number) next._1().get(1)).doubleValue());
        }
        double[] labelArray = labels.stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(new Block(Math.max(first, 0), features.toArray(double[][]::new), labelArray)).iterator();
    }
}
