package io.backprop4j.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * An executor lost in the middle of an epoch changes nothing: on a local cluster of two executor processes (Spark's
 * {@code local-cluster} master, each executor its own JVM), one executor's process exits during a step; Spark
 * runs its tasks again elsewhere, rebuilds its cached blocks from their lineage, starts a new executor, and the fit
 * ends with the weights, bit for bit, of a fit that lost nothing.
 */
class ExecutorLossTest {

    @Test
    void anExecutorLostMidEpochChangesNothing(@TempDir Path directory) {
        DataSet data = LocalSpark.blobs(120, 4, 3, 31, DataType.FLOAT);
        Sequential start = SynchronousTrainingTest.network(DataType.FLOAT);
        Sequential clean = fit(LocalSpark.session(), data, start, SoftmaxCrossEntropy::new);
        Path marker = directory.resolve("executor-exited");
        String file = marker.toString();
        Sequential lost;
        try {
            lost = fit(LocalSpark.cluster(), data, start, () -> new ExitingOnce(file));
        } finally {
            LocalSpark.session();
        }
        assertTrue(Files.exists(marker), "no executor exited");
        SynchronousTrainingTest.assertClose(clean.parameters(), lost.parameters(), 0);
    }

    private static Sequential fit(SparkSession session, DataSet data, Sequential start,
            LossFactory loss) {
        Sequential begin = SynchronousTrainingTest.copy(start);
        return new NeuralNetworkClassifier().setNetwork((in, out) -> begin).setLoss(loss).setOptimizer("adam")
                .setLearningRate(0.01).setEpochs(2).setBatchSize(25).setSeed(5)
                .fit(SparkData.of(session, data, 2)).network();
    }

    /**
     * Softmax cross-entropy whose process exits in the third step of partition 1, once: the first executor to get
     * there creates the marker file and exits; the others, and the executor started in its place, find the file.
     */
    private static final class ExitingOnce extends FaultyLoss {

        /** Steps of partition 1 seen by this executor process. */
        private static final AtomicInteger STEPS = new AtomicInteger();

        private final String marker;

        ExitingOnce(String marker) {
            this.marker = marker;
        }

        @Override
        void fault() {
            if (TaskContext.get().partitionId() != 1 || STEPS.incrementAndGet() != 3) {
                return;
            }
            try {
                Files.createFile(Path.of(marker));
                Runtime.getRuntime().halt(1);
            } catch (FileAlreadyExistsException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
