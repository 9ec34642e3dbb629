package io.backprop4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.Trainer;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Synchronous data parallelism is the single-machine computation: the same network, data, seed and global batch
 * end with the same weights as the {@code Trainer}'s, to float32 summation tolerance (float64 within 1e-12),
 * for Nesterov's momentum and Adam, with both all-reduces, with as many partitions as cores and more.
 */
class SynchronousTrainingTest {

    @ParameterizedTest
    @CsvSource({
        "nesterov, 0.05, tree, 2, FLOAT, 2e-5",
        "nesterov, 0.05, sharded, 5, FLOAT, 2e-5",
        "adam, 0.01, tree, 5, FLOAT, 2e-5",
        "adam, 0.01, sharded, 2, FLOAT, 2e-5",
        "nesterov, 0.05, sharded, 3, DOUBLE, 1e-12",
        "adam, 0.01, tree, 3, DOUBLE, 1e-12"})
    void endsWithTheTrainersWeights(String optimizer, double rate, String allReduce, int partitions, DataType type,
            double tolerance) {
        DataSet data = LocalSpark.blobs(150, 4, 3, 11, type);
        Sequential start = network(type);
        Sequential single = copy(start);
        new Trainer(SoftmaxCrossEntropy::new, OptimizerName.of(optimizer).create(rate))
                .fit(single, data, Fit.epochs(3).batchSize(32).seed(7));

        Dataset<Row> rows = SparkData.of(LocalSpark.session(), data, partitions);
        Sequential begin = copy(start);
        NeuralNetworkClassificationModel model = new NeuralNetworkClassifier().setNetwork((in, out) -> begin)
                .setOptimizer(optimizer).setLearningRate(rate).setAllReduce(allReduce)
                .setEpochs(3).setBatchSize(32).setSeed(7).fit(rows);

        assertClose(single.parameters(), model.network().parameters(), tolerance);
        assertEquals(3, model.history().size());
        assertTrue(model.history().get(2).loss() < model.history().get(0).loss(), model.history().toString());
    }

    /** Four worker threads on two cores and six partitions: more tasks than cores, and than threads. */
    @ParameterizedTest
    @CsvSource({"tree", "sharded"})
    void endsWithTheTrainersWeightsWithMoreWorkersThanCores(String allReduce) {
        DataSet data = LocalSpark.blobs(150, 4, 3, 29, DataType.FLOAT);
        Sequential start = network(DataType.FLOAT);
        Sequential single = copy(start);
        new Trainer(SoftmaxCrossEntropy::new, OptimizerName.of("nesterov").create(0.05))
                .fit(single, data, Fit.epochs(2).batchSize(40).seed(9));
        try {
            Dataset<Row> rows = SparkData.of(LocalSpark.session("local[4]"), data, 6);
            Sequential begin = copy(start);
            NeuralNetworkClassificationModel model = new NeuralNetworkClassifier().setNetwork((in, out) -> begin)
                    .setOptimizer("nesterov").setLearningRate(0.05).setAllReduce(allReduce).setEpochs(2)
                    .setBatchSize(40).setSeed(9).fit(rows);
            assertClose(single.parameters(), model.network().parameters(), 2e-5);
        } finally {
            LocalSpark.session();
        }
    }

    static Sequential network(DataType type) {
        return Sequential.of(new Dense(4, 16, WeightInit.XAVIER_NORMAL, type), new Tanh(),
                new Dense(16, 3, WeightInit.XAVIER_NORMAL, type)).initialize(5);
    }

    static Sequential copy(Sequential model) {
        try {
            return ModelFile.fromEntries(ModelFile.entries(model, Map.of()), "copy").model();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertClose(List<Parameter> expected, List<Parameter> actual, double tolerance) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            double difference = expected.get(i).value().castTo(DataType.DOUBLE)
                    .sub(actual.get(i).value().castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
            double scale = Math.max(1, expected.get(i).value().amaxNumber().doubleValue());
            assertTrue(difference <= tolerance * scale, expected.get(i).name() + " differs by " + difference);
        }
    }
}
