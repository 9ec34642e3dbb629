package io.backprop4j.spark;

import io.backprop4j.core.DataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A data set the library's loaders read (IDX, CSV, image folders, {@code .npz}) as a Spark {@code Dataset<Row>}
 * of a {@code features} vector column and a {@code label} double column (the class index, or the target),
 * cut into partitions in its row order: for trying Spark training on one machine. Data that lives in Spark
 * already is read with Spark's own sources (Parquet, CSV, tables) instead.
 */
public final class SparkData {

    /** The schema of the rows this class makes. */
    public static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    private SparkData() {
    }

    /**
     * The rows of {@code data} in {@code partitions} partitions; labels given one-hot become class indices,
     * labels of one column stay numbers. The arrays are broadcast once and each partition makes its rows from its
     * range of them, so tasks stay small and a lost partition is made again.
     */
    public static Dataset<Row> of(SparkSession spark, DataSet data, int partitions) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<double[][]> features = context.broadcast(
                data.features().reshape(data.size(), -1).castTo(DataType.DOUBLE).toDoubleMatrix());
        Broadcast<double[]> labels = context.broadcast(labels(data));
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ranges.add(new int[] {(int) ((long) p * data.size() / partitions),
                (int) ((long) (p + 1) * data.size() / partitions)});
        }
        JavaRDD<Row> rows = context.parallelize(ranges, partitions).flatMap(range -> IntStream.range(range[0], range[1])
                .mapToObj(i -> RowFactory.create(Vectors.dense(features.value()[i]), labels.value()[i])).iterator());
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static double[] labels(DataSet data) {
        INDArray labels = data.labels();
        if (labels.rank() == 2 && labels.size(1) > 1) {
            return Arrays.stream(data.classIndices()).asDoubleStream().toArray();
        }
        return labels.reshape(data.size()).castTo(DataType.DOUBLE).toDoubleVector();
    }
}
