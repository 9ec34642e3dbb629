package io.backprop4j.bench;

import io.backprop4j.core.kernels.Threads;
import io.backprop4j.layers.models.Models;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.NegativeLogLikelihood;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.Optimizers;
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
 * One training step of the PyTorch-example CNN ({@link Models#cnn}) at batch 64 on a fixed random batch:
 * forward, NLL, backward, Adadelta step. {@code kernelThreads} is passed to
 * {@link Threads#setKernelThreads} (0 keeps the native libraries' defaults).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CnnStepBenchmark {

    @Param({"1", "2"})
    public int kernelThreads;

    private final NegativeLogLikelihood loss = new NegativeLogLikelihood();
    private final Optimizer optimizer = Optimizers.adadelta(1.0);
    private Sequential model;
    private INDArray x;
    private INDArray labels;

    @Setup
    public void setUp() {
        Nd4j.create(1);
        Threads.setKernelThreads(kernelThreads);
        model = Models.cnn(10).initialize(1);
        x = Nd4j.rand(DataType.FLOAT, 64, 784);
        labels = Nd4j.zeros(DataType.FLOAT, 64, 10);
        for (int i = 0; i < 64; i++) {
            labels.putScalar(i, i % 10, 1);
        }
        step();
    }

    @Benchmark
    public double step() {
        INDArray logProbabilities = model.forward(x, true);
        double value = loss.value(logProbabilities, labels);
        model.zeroGradients();
        model.backwardParameters(loss.gradient(logProbabilities, labels));
        optimizer.step(model.parameters());
        return value;
    }
}
