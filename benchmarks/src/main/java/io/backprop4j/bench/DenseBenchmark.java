package io.backprop4j.bench;

import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
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
 * One Dense layer's forward and backward pass, float32: {@code Z = X·W + b}, then {@code dW = Xᵀ·δ},
 * {@code db = 1ᵀ·δ}, {@code dX = δ·Wᵀ}, which is 3 GEMMs of 2·batch·in·out flops each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DenseBenchmark {

    @Param({"32", "128", "512"})
    public int batch;
    @Param("784")
    public int in;
    @Param("256")
    public int out;

    private Dense dense;
    private INDArray x;
    private INDArray delta;

    @Setup
    public void setUp() {
        Rng.seed(1);
        dense = new Dense(in, out, WeightInit.HE_NORMAL);
        x = Nd4j.rand(DataType.FLOAT, batch, in);
        delta = Nd4j.rand(DataType.FLOAT, batch, out);
    }

    @Benchmark
    public INDArray forwardBackward() {
        dense.forward(x, true);
        return dense.backward(delta);
    }
}
