package io.backprop4j.bench;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.kernels.Threads;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The small tabular networks of scikit-learn's data sets, with scikit-learn's {@code MLPClassifier} settings (one
 * hidden ReLU layer, Adam at 0.001, batch 32): digits 64-64-10 (1,437 training rows) and breast cancer 30-32-2
 * (455). {@code step}: one training step on a fixed batch (forward, softmax cross-entropy, backward, Adam);
 * {@code epoch}: one epoch of the {@code Trainer} on random rows of the set's size, with the per-batch accuracy the
 * command line reports (shuffling, gathering, callbacks and metrics included). Run with {@code -prof gc} for
 * allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmallNetworkBenchmark {

    @Param({"digits", "breast-cancer"})
    public String set;

    private Sequential model;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final Optimizer adam = Optimizers.adam(0.001);
    private INDArray x;
    private INDArray labels;
    private Trainer trainer;
    private DataSet rows;
    private Fit epoch;

    @Setup
    public void setUp() {
        boolean digits = set.equals("digits");
        int inputs = digits ? 64 : 30;
        int hidden = digits ? 64 : 32;
        int classes = digits ? 10 : 2;
        Threads.setKernelThreads(1);
        Nd4j.getRandom().setSeed(1);
        model = Models.mlp(inputs, new int[] {hidden}, ReLU::new, classes).initialize(1);
        x = Nd4j.randn(DataType.FLOAT, 32, inputs);
        labels = oneHot(32, classes);
        rows = new DataSet(Nd4j.randn(DataType.FLOAT, digits ? 1437 : 455, inputs), oneHot(digits ? 1437 : 455,
                classes));
        trainer = new Trainer(Models.mlp(inputs, new int[] {hidden}, ReLU::new, classes).initialize(2),
                new SoftmaxCrossEntropy(), Optimizers.adam(0.001));
        epoch = Fit.epochs(1).batchSize(32).metrics("accuracy");
    }

    private static INDArray oneHot(int n, int classes) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, i % classes, 1);
        }
        return labels;
    }

    /** Returns the batch's loss. */
    @Benchmark
    public double step() {
        Loss.Result evaluated = loss.evaluate(model.forward(x, true), labels);
        model.zeroGradients();
        model.backwardParameters(evaluated.gradient());
        adam.step(model.parameters());
        return evaluated.value();
    }

    /** Returns the epoch's mean loss. */
    @Benchmark
    public double epoch() {
        return trainer.fit(rows, epoch).last().trainLoss();
    }
}
