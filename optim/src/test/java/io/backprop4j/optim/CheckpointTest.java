package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.transforms.ScaleByAdam;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointTest {

    @TempDir
    Path directory;

    private static DataSet blobs() {
        Rng rng = new Rng(2);
        int n = 300;
        float[][] x = new float[n][5];
        float[][] y = new float[n][3];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            for (int j = 0; j < 5; j++) {
                x[i][j] = (float) (rng.nextGaussian() + (j % 3 == k ? 1.5 : 0));
            }
            y[i][k] = 1;
        }
        return new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }

    private static Sequential network() {
        return Models.mlp(5, new int[] {16, 8}, PReLU::new, 3).initialize(7);
    }

    private static List<double[]> weights(Sequential model) {
        return model.parameters().stream().map(p -> p.value().castTo(DataType.DOUBLE).data().asDouble()).toList();
    }

    @Test
    void resumingFromACheckpointEndsWithTheWeightsOfAnUninterruptedRun() throws IOException {
        List<Function<Double, Optimizer>> optimizers = List.of(lr -> Optimizers.nesterov(lr, 0.9),
                lr -> Optimizers.fusedMomentum(lr, 0.9, true), Optimizers::adam, Optimizers::adadelta,
                Optimizers::rmsprop, Optimizers::adagrad);
        for (Function<Double, Optimizer> optimizer : optimizers) {
            DataSet data = blobs();
            Sequential uninterrupted = network();
            new Trainer(uninterrupted, new SoftmaxCrossEntropy(), optimizer.apply(0.01)).fit(data,
                    Fit.epochs(5).batchSize(32).seed(99));

            Path file = directory.resolve("checkpoint.zip");
            Sequential first = network();
            new Trainer(first, new SoftmaxCrossEntropy(), optimizer.apply(0.01))
                    .checkpointEachEpoch(file, Map.of("run", "test")).fit(data, Fit.epochs(2).batchSize(32).seed(99));
            Checkpoint checkpoint = Checkpoint.load(file);
            assertEquals(2, checkpoint.epoch());
            assertEquals("test", checkpoint.metadata().get("run"));
            Optimizer restarted = optimizer.apply(0.01);
            TrainingResult rest = new Trainer(checkpoint.model(), new SoftmaxCrossEntropy(), restarted)
                    .resume(checkpoint, data, Fit.epochs(5).batchSize(32));

            assertEquals(List.of(3, 4, 5), rest.history().stream().map(e -> e.epoch()).toList());
            List<double[]> expected = weights(uninterrupted);
            List<double[]> actual = weights(checkpoint.model());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), actual.get(i), restarted.description() + " parameter " + i);
            }
        }
    }

    @Test
    void aResumedBatchNormAndDropoutNetworkEndsWithTheSameWeightsAndRunningStatistics() throws IOException {
        DataSet data = blobs();
        Sequential uninterrupted = batchNormNetwork();
        new Trainer(uninterrupted, new SoftmaxCrossEntropy(), Optimizers.adadelta(1.0)).fit(data,
                Fit.epochs(4).batchSize(32).seed(5));

        Path file = directory.resolve("bn-checkpoint.zip");
        new Trainer(batchNormNetwork(), new SoftmaxCrossEntropy(), Optimizers.adadelta(1.0))
                .checkpointEachEpoch(file, Map.of()).fit(data, Fit.epochs(2).batchSize(32).seed(5));
        Checkpoint checkpoint = Checkpoint.load(file);
        new Trainer(checkpoint.model(), new SoftmaxCrossEntropy(), Optimizers.adadelta(1.0)).resume(checkpoint, data,
                Fit.epochs(4).batchSize(32));

        List<double[]> expected = weights(uninterrupted);
        List<double[]> actual = weights(checkpoint.model());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
        assertEquals(List.of("1.runningMean", "1.runningVariance"), List.copyOf(checkpoint.model().buffers().keySet()));
        uninterrupted.buffers().forEach((name, value) -> assertArrayEquals(value.data().asDouble(),
                checkpoint.model().buffers().get(name).data().asDouble(), name));
    }

    private static Sequential batchNormNetwork() {
        return Sequential.of(new Dense(5, 16), new BatchNorm(16), new ReLU(), new Dropout(0.3), new Dense(16, 3))
                .initialize(3);
    }

    @Test
    void restoresAdamsMomentsAndStepCount() throws IOException {
        Sequential model = network();
        Chain adam = Optimizers.adam(0.01);
        new Trainer(model, new SoftmaxCrossEntropy(), adam).fit(blobs(), Fit.epochs(1).batchSize(100).seed(1));
        Path file = directory.resolve("adam.zip");
        Checkpoint.save(file, model, adam, 1, new Rng(4).state(), Map.of());

        Checkpoint checkpoint = Checkpoint.load(file);
        Chain restored = Optimizers.adam(0.01);
        checkpoint.restoreOptimizer(restored);
        for (int i = 0; i < model.parameters().size(); i++) {
            Parameter original = model.parameters().get(i);
            Parameter copy = checkpoint.model().parameters().get(i);
            ScaleByAdam.State saved = (ScaleByAdam.State) adam.state(original).get(0);
            ScaleByAdam.State state = (ScaleByAdam.State) restored.state(copy).get(0);
            assertEquals(3, state.steps());
            assertEquals(saved.m(), state.m());
            assertEquals(saved.v(), state.v());
        }
    }

    @Test
    void aModelFileIsNotACheckpoint() throws IOException {
        Path file = directory.resolve("model.zip");
        ModelFile.save(network(), file);
        FileFormatException error = assertThrows(FileFormatException.class, () -> Checkpoint.load(file));
        assertTrue(error.getMessage().contains("a model file, not a checkpoint"), error.getMessage());
    }

    @Test
    void resumingNeedsTheCheckpointsModelAndAnEpochStillToRun() throws IOException {
        Path file = directory.resolve("c.zip");
        new Trainer(network(), new SoftmaxCrossEntropy(), Optimizers.adam(0.01)).checkpointEachEpoch(file, Map.of())
                .fit(blobs(), Fit.epochs(2).batchSize(50).seed(1));
        Checkpoint checkpoint = Checkpoint.load(file);
        assertThrows(IllegalArgumentException.class, () -> new Trainer(network(), new SoftmaxCrossEntropy(),
                Optimizers.adam(0.01)).resume(checkpoint, blobs(), Fit.epochs(4).batchSize(50)));
        IllegalArgumentException done = assertThrows(IllegalArgumentException.class, () -> new Trainer(
                checkpoint.model(), new SoftmaxCrossEntropy(), Optimizers.adam(0.01)).resume(checkpoint, blobs(),
                        Fit.epochs(2).batchSize(50)));
        assertTrue(done.getMessage().contains("already at or past the requested 2 epochs"), done.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> new Trainer(
                checkpoint.model(), new SoftmaxCrossEntropy(), Optimizers.nesterov(0.1, 0.9)).resume(checkpoint, blobs(),
                        Fit.epochs(4).batchSize(50)));
        assertTrue(other.getMessage().contains("holds the state of the optimizer [ScaleByAdam[beta1=0.9, beta2=0.999,"
                + " epsilon=1.0E-8, amsgrad=false], ScaleByLearningRate], not of [TraceMomentum[mu=0.9, nesterov=true,"
                + " dampening=0.0], ScaleByLearningRate]"), other.getMessage());
    }

    @Test
    void anAdagradCheckpointDoesNotResumeIntoRmsPropNorTheOtherWayRound() throws IOException {
        List<Function<Double, Optimizer>> optimizers = List.of(Optimizers::adagrad, Optimizers::rmsprop);
        for (int i = 0; i < 2; i++) {
            Path file = directory.resolve("adaptive-" + i + ".zip");
            new Trainer(network(), new SoftmaxCrossEntropy(), optimizers.get(i).apply(0.01))
                    .checkpointEachEpoch(file, Map.of()).fit(blobs(), Fit.epochs(1).batchSize(50).seed(1));
            Checkpoint checkpoint = Checkpoint.load(file);
            Optimizer other = optimizers.get(1 - i).apply(0.01);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Trainer(
                    checkpoint.model(), new SoftmaxCrossEntropy(), other).resume(checkpoint, blobs(),
                            Fit.epochs(2).batchSize(50)));
            assertTrue(refused.getMessage().contains(checkpoint.optimizer().toString())
                    && refused.getMessage().contains(other.description().toString()), refused.getMessage());
        }
    }

    @Test
    void theFusedMomentumAndItsChainShareTheirCheckpoints() throws IOException {
        Path file = directory.resolve("nesterov.zip");
        Sequential model = network();
        Optimizer fused = Optimizers.fusedMomentum(0.01, 0.9, true);
        new Trainer(model, new SoftmaxCrossEntropy(), fused).fit(blobs(), Fit.epochs(1).batchSize(50).seed(1));
        Checkpoint.save(file, model, fused, 1, new Rng(1).state(), Map.of());
        Chain chain = Optimizers.nesterov(0.01, 0.9);
        Checkpoint checkpoint = Checkpoint.load(file);
        checkpoint.restoreOptimizer(chain);
        assertEquals(fused.stateArrays(model.parameters()).keySet(),
                chain.stateArrays(checkpoint.model().parameters()).keySet());
        assertEquals(fused.stateArrays(model.parameters()).get("0.weights/0.velocity"),
                chain.stateArrays(checkpoint.model().parameters()).get("0.weights/0.velocity"));
    }
}
