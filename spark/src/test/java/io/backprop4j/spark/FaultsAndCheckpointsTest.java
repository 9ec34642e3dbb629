package io.backprop4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** A failed task is retried and changes nothing; a checkpointed fit resumes to the uninterrupted result. */
class FaultsAndCheckpointsTest {

    /** Tasks that threw: the loss below throws in the first attempt of one task, once per test run. */
    private static final AtomicInteger INJECTED = new AtomicInteger();

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheWeightsAreUnchanged() {
        DataSet data = LocalSpark.blobs(120, 4, 3, 17, DataType.FLOAT);
        Dataset<Row> rows = SparkData.of(LocalSpark.session(), data, 2);
        Sequential start = SynchronousTrainingTest.network(DataType.FLOAT);
        Sequential clean = fit(rows, start, SoftmaxCrossEntropy::new, null, 2);
        Sequential retried = fit(rows, start, FailingOnce::new, null, 2);
        assertEquals(1, INJECTED.get());
        SynchronousTrainingTest.assertClose(clean.parameters(), retried.parameters(), 0);
    }

    @Test
    void aFitResumedFromItsCheckpointEndsAsAnUninterruptedOne(@TempDir Path directory) {
        DataSet data = LocalSpark.blobs(120, 4, 3, 19, DataType.FLOAT);
        Dataset<Row> rows = SparkData.of(LocalSpark.session(), data, 2);
        Sequential start = SynchronousTrainingTest.network(DataType.FLOAT);
        Sequential uninterrupted = fit(rows, start, SoftmaxCrossEntropy::new, null, 3);
        Path checkpoint = directory.resolve("run.ckpt");
        fit(rows, start, SoftmaxCrossEntropy::new, checkpoint, 2);
        assertTrue(Files.exists(checkpoint));
        Sequential resumed = fit(rows, SynchronousTrainingTest.network(DataType.FLOAT), SoftmaxCrossEntropy::new,
                checkpoint, 3);
        SynchronousTrainingTest.assertClose(uninterrupted.parameters(), resumed.parameters(), 0);
    }

    private static Sequential fit(Dataset<Row> rows, Sequential start, LossFactory loss, Path checkpoint,
            int epochs) {
        Sequential begin = SynchronousTrainingTest.copy(start);
        NeuralNetworkEstimator<NeuralNetworkClassificationModel> classifier = new NeuralNetworkClassifier()
                .setNetwork((in, out) -> begin).setLoss(loss).setOptimizer("adam").setLearningRate(0.01)
                .setEpochs(epochs).setBatchSize(25).setSeed(5);
        if (checkpoint != null) {
            classifier.setCheckpointPath(checkpoint.toString());
        }
        return classifier.fit(rows).network();
    }

    /** Softmax cross-entropy that throws in the first attempt of partition 1's first task, once per test run. */
    private static final class FailingOnce extends FaultyLoss {

        @Override
        void fault() {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 1 && task.attemptNumber() == 0 && INJECTED.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure");
            }
        }
    }
}
