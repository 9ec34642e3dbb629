package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.transforms.AddDecayedWeights;
import io.backprop4j.optim.transforms.AddL1Penalty;
import io.backprop4j.optim.transforms.ClipByGlobalNorm;
import io.backprop4j.optim.transforms.ClipByNorm;
import io.backprop4j.optim.transforms.ClipByValue;
import io.backprop4j.optim.transforms.ScaleByAdagrad;
import io.backprop4j.optim.transforms.ScaleByAdam;
import io.backprop4j.optim.transforms.ScaleByRms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Optimizers as chains of transforms: each named optimizer equals its chain, step by step, in float64. */
class ChainTest {

    /** Three steps of {@code optimizer} on one float64 parameter [3, 4] with the same gradients each time. */
    private static INDArray threeSteps(Optimizer optimizer) {
        Parameter p = Parameter.of("w", GradientChecks.gaussian(new Rng(1), 3, 4));
        for (int step = 0; step < 3; step++) {
            p.gradient().assign(GradientChecks.gaussian(new Rng(10 + step), 3, 4));
            optimizer.step(List.of(p));
        }
        return p.value();
    }

    private static void assertSame(Supplier<Optimizer> named, Supplier<Optimizer> chain) {
        INDArray expected = threeSteps(named.get());
        INDArray actual = threeSteps(chain.get());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference < 1e-14, named.get().description() + " differs by " + difference);
    }

    @Test
    void anL1PenaltyAddsLambdaTimesTheSignOfEachWeight() {
        Parameter p = Parameter.of("w", Nd4j.createFromArray(new double[][] {{2, -3, 0}}));
        p.gradient().assign(Nd4j.createFromArray(new double[][] {{0.5, 0.5, 0.5}}));
        Optimizers.chain(0.1, new AddL1Penalty(0.2)).step(List.of(p));
        // w − η(g + λ·sign w): 2 − 0.1·0.7, −3 − 0.1·0.3, 0 − 0.1·0.5
        assertArrayEquals(new double[] {1.93, -3.03, -0.05}, p.value().toDoubleVector(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new AddL1Penalty(-1));
    }

    @Test
    void theFusedMomentumEqualsItsChains() {
        assertSame(() -> Optimizers.fusedMomentum(0.1, 0.9, false), () -> Optimizers.momentum(0.1, 0.9));
        assertSame(() -> Optimizers.fusedMomentum(0.1, 0.9, true), () -> Optimizers.nesterov(0.1, 0.9));
        assertEquals(Optimizers.nesterov(0.1, 0.9).description(),
                Optimizers.fusedMomentum(0.3, 0.9, true).description());
    }

    @Test
    void clippingByTheGlobalNormScalesEveryParameterByOneFactor() {
        Parameter a = Parameter.of("a", Nd4j.createFromArray(new double[][] {{0, 0}}));
        Parameter b = Parameter.of("b", Nd4j.createFromArray(new double[][] {{0}}));
        a.gradient().assign(Nd4j.createFromArray(new double[][] {{3, 0}}));
        b.gradient().assign(Nd4j.createFromArray(new double[][] {{4}}));
        Optimizers.chain(1, new ClipByGlobalNorm(1)).step(List.of(a, b));
        // ‖g‖ = √(3² + 4²) = 5, so every gradient is scaled by 1/5 before w ← w − g
        assertArrayEquals(new double[] {-0.6, 0}, a.value().toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {-0.8}, b.value().toDoubleVector(), 1e-15);
        Parameter c = Parameter.of("c", Nd4j.createFromArray(new double[][] {{0, 0}}));
        c.gradient().assign(Nd4j.createFromArray(new double[][] {{0.3, 0.4}}));
        Optimizers.chain(1, new ClipByGlobalNorm(1)).step(List.of(c));
        assertArrayEquals(new double[] {-0.3, -0.4}, c.value().toDoubleVector(), 1e-15);
    }

    @Test
    void theAdaptiveOptimizersAreChainsOfTheirTransforms() {
        assertEquals(List.of(new ScaleByAdam(0.9, 0.999, 1e-8).toString(), "ScaleByLearningRate"),
                Optimizers.adam(0.01).description());
        assertEquals(List.of(new ScaleByAdam(0.9, 0.999, 1e-8).toString(), new AddDecayedWeights(0.05).toString(),
                "ScaleByLearningRate"), Optimizers.adamw(0.01, 0.05).description());
        assertEquals(new ScaleByAdagrad(1e-10), Optimizers.adagrad(0.1).transforms().get(0));
        assertEquals(new ScaleByRms(0.99, 1e-8), Optimizers.rmsprop(0.01).transforms().get(0));
        assertEquals(0.01, Optimizers.rmsprop(0.01).learningRate(), 0);
    }

    @Test
    void clippingByValueAndByNorm() {
        Parameter p = Parameter.of("w", Nd4j.zeros(DataType.DOUBLE, 1, 3));
        p.gradient().assign(Nd4j.createFromArray(new double[][] {{3, -0.5, -4}}));
        Optimizers.chain(1, new ClipByValue(1)).step(List.of(p));
        assertArrayEquals(new double[] {-1, 0.5, 1}, p.value().toDoubleVector(), 0);
        p.value().assign(0);
        p.gradient().assign(Nd4j.createFromArray(new double[][] {{3, 0, -4}}));
        Optimizers.chain(1, new ClipByNorm(1)).step(List.of(p));
        assertArrayEquals(new double[] {-0.6, 0, 0.8}, p.value().toDoubleVector(), 1e-15);
    }

    @Test
    void aChainsStateTravelsThroughCheckpointArraysAndRefusesBadHyperParameters() {
        Parameter p = Parameter.of("w", GradientChecks.gaussian(new Rng(1), 2, 2));
        Chain adam = Optimizers.chain(0.01, new ClipByValue(5), new ScaleByAdam(0.9, 0.999, 1e-8));
        p.gradient().assign(1);
        adam.step(List.of(p));
        assertEquals(List.of("w/1.m", "w/1.v"), List.copyOf(adam.stateArrays(List.of(p)).keySet()));
        Chain restored = Optimizers.chain(0.01, new ClipByValue(5), new ScaleByAdam(0.9, 0.999, 1e-8));
        restored.restoreState(List.of(p), adam.stateArrays(List.of(p)), adam.stepCounts(List.of(p)));
        assertEquals(1, restored.stepCounts(List.of(p)).get("w"));
        assertThrows(IllegalArgumentException.class, () -> new ScaleByAdam(1.5, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new ClipByValue(0));
    }

    @Test
    void aRunWithAChainResumesFromItsCheckpointExactly(@TempDir Path directory) throws Exception {
        INDArray x = GradientChecks.gaussian(new Rng(5), 64, 3).castTo(DataType.FLOAT);
        DataSet data = new DataSet(x, x.getColumn(0).gt(0).castTo(DataType.FLOAT).reshape(64, 1));
        Supplier<Chain> optimizer = () -> Optimizers.chain(0.02, new ClipByValue(1), new ScaleByAdam(0.9, 0.999, 1e-8),
                new AddDecayedWeights(0.01));
        Sequential uninterrupted = Sequential.of(new Dense(3, 8), new Tanh(), new Dense(8, 2)).initialize(2);
        new Trainer(uninterrupted, new SoftmaxCrossEntropy(), optimizer.get())
                .fit(data, Fit.epochs(4).batchSize(16).seed(3));
        Path file = directory.resolve("chain.zip");
        Sequential first = Sequential.of(new Dense(3, 8), new Tanh(), new Dense(8, 2)).initialize(2);
        new Trainer(first, new SoftmaxCrossEntropy(), optimizer.get()).checkpointEachEpoch(file, Map.of())
                .fit(data, Fit.epochs(2).batchSize(16).seed(3));
        Checkpoint checkpoint = Checkpoint.load(file);
        new Trainer(checkpoint.model(), new SoftmaxCrossEntropy(), optimizer.get())
                .resume(checkpoint, data, Fit.epochs(4).batchSize(16));
        for (int i = 0; i < uninterrupted.parameters().size(); i++) {
            assertEquals(uninterrupted.parameters().get(i).value(), checkpoint.model().parameters().get(i).value());
        }
    }

    @Test
    void anOptimizerOfOnesOwnWithoutStateCheckpoints(@TempDir Path directory) throws Exception {
        Optimizer plain = new Optimizer() {
            private final double rate = 0.1;

            @Override
            public void step(List<Parameter> parameters) {
                parameters.forEach(p -> p.value().subi(p.gradient().mul(rate)));
            }

            @Override
            public double learningRate(long step) {
                return rate;
            }
        };
        INDArray x = GradientChecks.gaussian(new Rng(5), 32, 3).castTo(DataType.FLOAT);
        DataSet data = new DataSet(x, x.getColumn(0).gt(0).castTo(DataType.FLOAT).reshape(32, 1));
        Path file = directory.resolve("plain.zip");
        Sequential model = Sequential.of(new Dense(3, 2)).initialize(1);
        new Trainer(model, new SoftmaxCrossEntropy(), plain).checkpointEachEpoch(file, Map.of())
                .fit(data, Fit.epochs(1).batchSize(8));
        Checkpoint checkpoint = Checkpoint.load(file);
        assertTrue(checkpoint.optimizerArrays().isEmpty());
        assertEquals(2, new Trainer(checkpoint.model(), new SoftmaxCrossEntropy(), plain)
                .resume(checkpoint, data, Fit.epochs(2).batchSize(8)).last().epoch());
    }
}
