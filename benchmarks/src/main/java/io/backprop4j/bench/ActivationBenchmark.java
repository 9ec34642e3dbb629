package io.backprop4j.bench;

import io.backprop4j.layers.activations.Activation;
import io.backprop4j.layers.activations.ActivationName;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * Forward {@code f = f(s)} and backward {@code ∂J/∂s = ∂J/∂f ⊙ f'(s)} of each activation layer on a
 * float32 {@code [rows, columns]} batch ({@code size}, e.g. {@code 128x1024}), into the layer's reused
 * buffers. Divide by rows·columns for ns per element; {@link CopyBenchmark} is the memory-bound floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ActivationBenchmark {

    @Param({"relu", "leaky-relu", "prelu", "elu", "selu", "gelu", "silu", "mish", "softplus", "sigmoid", "tanh",
        "softsign"})
    public String activation;

    @Param({"128x1024", "128x65536"})
    public String size;

    private Activation layer;
    private INDArray s;
    private INDArray gradOut;

    @Setup
    public void setUp() {
        s = Sizes.randn(size);
        gradOut = Sizes.randn(size);
        layer = ActivationName.of(activation).create();
        layer.forward(s, true);
        layer.backward(gradOut);
    }

    @Benchmark
    public INDArray forward() {
        return layer.forward(s, true);
    }

    @Benchmark
    public INDArray backward() {
        return layer.backward(gradOut);
    }
}
