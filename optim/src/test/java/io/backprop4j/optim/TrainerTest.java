package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.losses.SquaredError;
import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.callbacks.FullBatch;
import io.backprop4j.optim.callbacks.StopReason;
import io.backprop4j.optim.callbacks.TrainingDivergedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    private static final DataSet XOR = new DataSet(
            Nd4j.create(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
            Nd4j.create(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}));

    private static Sequential xorNetwork(long seed) {
        return Sequential.of(new Dense(2, 4), new Tanh(), new Dense(4, 2)).initialize(seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void oneHiddenLayerSolvesXor(long seed) {
        Sequential model = xorNetwork(seed);
        new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.momentum(0.5, 0.9)).fit(XOR,
                Fit.epochs(300).batchSize(4).seed(seed));
        assertEquals(1.0, Evaluation.of(model, XOR).accuracy(), "4/4 correct from seed " + seed);
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        List<INDArray> first = trainedWeights(7, 7);
        List<INDArray> second = trainedWeights(7, 7);
        List<INDArray> otherShuffle = trainedWeights(7, 8);
        assertEquals(first, second);
        assertNotEquals(first, otherShuffle);
    }

    private static List<INDArray> trainedWeights(long initSeed, long shuffleSeed) {
        DataSet data = regression(64, 3);
        Sequential model = Sequential.of(new Dense(1, 8), new Tanh(), new Dense(8, 1)).initialize(initSeed);
        new Trainer(model, new SquaredError(), Optimizers.adam(0.01)).fit(data, Fit.epochs(5).batchSize(8).seed(shuffleSeed));
        return model.parameters().stream().map(p -> p.value().dup()).toList();
    }

    @Test
    void gradientNormCriterionStopsTraining() {
        // a linear model on exact linear data: J is a convex quadratic and ‖∇J‖ goes to zero
        DataSet data = regression(32, 0);
        Sequential model = Sequential.of(new Dense(1, 1, WeightInit.ZEROS, DataType.DOUBLE));
        Trainer trainer = new Trainer(model, new SquaredError(), Optimizers.sgd(0.5)).stopWhenGradientNormBelow(1e-4);
        TrainingResult result = trainer.fit(data, Fit.epochs(10_000).batchSize(32).seed(1));
        assertEquals(StopReason.GRADIENT_NORM, result.stopReason());
        assertTrue(result.epochs() < 10_000, "stopped after " + result.epochs() + " epochs");
        assertTrue(FullBatch.gradientNorm(model, new SquaredError(), data, 32) < 1e-4);
        assertEquals(2.0, model.parameters().get(0).value().getDouble(0), 1e-3);
        assertEquals(1.0, model.parameters().get(1).value().getDouble(0), 1e-3);
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        // 12 noisy points and a large network: validation loss first falls, then rises as it overfits
        DataSet train = noisy(12, 11);
        DataSet validation = noisy(200, 12);
        Sequential model = Sequential.of(new Dense(1, 64, WeightInit.XAVIER_NORMAL, DataType.DOUBLE), new Tanh(),
                new Dense(64, 64, WeightInit.XAVIER_NORMAL, DataType.DOUBLE), new Tanh(),
                new Dense(64, 1, WeightInit.XAVIER_NORMAL, DataType.DOUBLE)).initialize(3);
        Trainer trainer = new Trainer(model, new SquaredError(), Optimizers.adam(0.01)).earlyStopping(validation, 20);
        TrainingResult result = trainer.fit(train, Fit.epochs(3000).batchSize(12).seed(1));
        assertEquals(StopReason.EARLY_STOPPING, result.stopReason());
        double best = result.history().stream().mapToDouble(EpochEvent::validationLoss).min().orElseThrow();
        assertTrue(result.last().validationLoss() > best, "the last epoch is worse than the best");
        assertEquals(best, FullBatch.meanLoss(model, new SquaredError(), validation, 200), 1e-12, "the best weights are back");
    }

    @Test
    void divergenceStopsWithEpochAndBatch() {
        Sequential model = Sequential.of(new Dense(1, 1, WeightInit.ZEROS, DataType.DOUBLE));
        Trainer trainer = new Trainer(model, new SquaredError(), Optimizers.sgd(500));
        var error = assertThrows(TrainingDivergedException.class, () -> trainer.fit(regression(32, 0),
                Fit.epochs(1000).batchSize(8).seed(1)));
        assertTrue(error.epoch() >= 1 && error.batch() >= 1);
        assertTrue(error.getMessage().contains("epoch " + error.epoch() + ", batch " + error.batch()), error.getMessage());
    }

    /** y = 2x + 1 on x ∈ [−1, 1], plus Gaussian noise of standard deviation {@code noise}/10. */
    private static DataSet regression(int n, long noise) {
        Rng rng = new Rng(99);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2.0 * i / (n - 1);
            y[i] = 2 * x[i] + 1 + noise / 10.0 * rng.nextGaussian();
        }
        return new DataSet(Nd4j.create(x, new long[] {n, 1}, DataType.DOUBLE), Nd4j.create(y, new long[] {n, 1},
                DataType.DOUBLE)).castTo(noise == 0 ? DataType.DOUBLE : DataType.FLOAT);
    }

    /** y = sin(3x) + noise(0.3) on random x ∈ [−1, 1], float64. */
    private static DataSet noisy(int n, long seed) {
        Rng rng = new Rng(seed);
        INDArray x = GradientChecks.gaussian(rng, n, 1);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, 1);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, Math.sin(3 * x.getDouble(i)) + 0.3 * rng.nextGaussian());
        }
        return new DataSet(x, y);
    }
}
