package io.backprop4j.spark;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Spark session in local mode for the tests: two worker threads, a task retried up to three times (as on a
 * cluster), no web UI; or another local master a test asks for. Also the tests' data: Gaussian blobs of classes.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static SparkSession session() {
        return session("local[2,3]");
    }

    /**
     * A session on a local cluster of two executor processes of one core each ({@code local-cluster[2,1,1024]}),
     * launched with this JVM's class path (Spark's testing switch). Spark's home is a folder of the build, with the
     * empty {@code jars} folder a distribution would fill.
     */
    static SparkSession cluster() {
        try {
            Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return session("local-cluster[2,1,1024]");
    }

    /** The session on {@code master}, replacing the current one if it runs on another. */
    static synchronized SparkSession session(String master) {
        if (session != null && !session.sparkContext().master().equals(master)) {
            session.stop();
            session = null;
        }
        if (session == null) {
            if (master.startsWith("local-cluster")) {
                System.setProperty("spark.testing", "true");
                System.setProperty("spark.test.home", System.getenv("SPARK_HOME"));
            } else {
                System.clearProperty("spark.testing");
                System.clearProperty("spark.test.home");
            }
            session = SparkSession.builder().master(master).appName("backprop4j-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }

    /**
     * {@code n} points in {@code d} dimensions around {@code classes} centres (class c's centre is 2 in
     * coordinate c mod d), standard deviation 0.5, labels [n] class indices, in {@code type}.
     */
    static DataSet blobs(int n, int d, int classes, long seed, DataType type) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(classes);
            y[i] = c;
            for (int j = 0; j < d; j++) {
                x[i][j] = 0.5 * rng.nextGaussian() + (j == c % d ? 2 : 0) - (c >= d && j == 0 ? 2 : 0);
            }
        }
        INDArray features = Nd4j.createFromArray(x).castTo(type);
        return new DataSet(features, Nd4j.createFromArray(y).castTo(type));
    }
}
