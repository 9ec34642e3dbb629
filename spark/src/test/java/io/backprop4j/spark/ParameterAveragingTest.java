package io.backprop4j.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.MnistDataset;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Parameter averaging: with k = 1 the synchronous computation; with k > 1 close to single-machine accuracy. */
class ParameterAveragingTest {

    @Test
    void averagingEveryStepEqualsSynchronousTraining() {
        DataSet data = LocalSpark.blobs(150, 4, 3, 13, DataType.FLOAT);
        Dataset<Row> rows = SparkData.of(LocalSpark.session(), data, 3);
        Sequential start = SynchronousTrainingTest.network(DataType.FLOAT);
        Sequential synchronous = fit(rows, start, "synchronous");
        Sequential averaged = fit(rows, start, "averaging");
        SynchronousTrainingTest.assertClose(synchronous.parameters(), averaged.parameters(), 2e-5);
    }

    private static Sequential fit(Dataset<Row> rows, Sequential start, String mode) {
        Sequential begin = SynchronousTrainingTest.copy(start);
        return new NeuralNetworkClassifier().setNetwork((in, out) -> begin).setOptimizer("momentum")
                .setLearningRate(0.05).setTrainingMode(mode).setAveragingPeriod(1).setEpochs(2).setBatchSize(30)
                .setSeed(3).fit(rows).network();
    }

    /**
     * The Fashion-MNIST MLP on 10,000 training images, 3 epochs of Adam, batch 128: averaging every 4 steps over
     * 4 partitions ends within one point of the single-machine Trainer's test accuracy on 2,000 test images.
     */
    @Test
    void averagingEveryFewStepsLearnsFashionMnistAsWellAsOneMachine() throws Exception {
        MnistData mnist = MnistDataset.FASHION_MNIST.loadOffline();
        DataSet train = mnist.train().range(0, 10_000);
        DataSet test = mnist.test().range(0, 2_000);
        Rng.seed(21);
        Sequential single = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10);
        Sequential start = SynchronousTrainingTest.copy(single);
        new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.001)).fit(single, train, Fit.epochs(3).batchSize(128)
                .seed(4));

        NeuralNetworkClassificationModel averaged = new NeuralNetworkClassifier().setNetwork((in, out) -> start)
                .setOptimizer("adam").setLearningRate(0.001).setTrainingMode("averaging").setAveragingPeriod(4)
                .setEpochs(3).setBatchSize(128).setSeed(4).fit(SparkData.of(LocalSpark.session(), train, 4));

        double singleAccuracy = Evaluation.of(single, test).accuracy();
        double sparkAccuracy = Evaluation.of(averaged.network(), test).accuracy();
        assertTrue(singleAccuracy > 0.8, "single machine: " + singleAccuracy);
        assertTrue(sparkAccuracy > singleAccuracy - 0.01, "averaging " + sparkAccuracy + " against one machine "
                + singleAccuracy);
    }
}
