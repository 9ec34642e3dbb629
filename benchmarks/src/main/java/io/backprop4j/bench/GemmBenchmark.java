package io.backprop4j.bench;

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
 * float32 GEMM {@code C[m,n] = op(A)·op(B)} at the MLP's shapes and square sizes, 2·m·k·n flops each.
 * {@code shape} is {@code MxKxN:OPS}: OPS N or T per operand, e.g. the backward {@code dW = Xᵀ·δ} of the
 * first layer is {@code 784x128x256:TN} and {@code dX = δ·Wᵀ} is {@code 128x256x784:NT}. {@code gemm}
 * multiplies into a preallocated column-major result (what the layers do); {@code mmul} is ND4J's
 * allocating {@code mmul} on (transposed views of) the same operands.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GemmBenchmark {

    @Param({"128x784x256:NN", "128x256x128:NN", "128x128x10:NN", "784x128x256:TN", "256x128x128:TN",
        "128x256x784:NT", "128x128x256:NT", "128x128x128:NN", "256x256x256:NN", "512x512x512:NN",
        "1024x1024x1024:NN", "2048x2048x2048:NN"})
    public String shape;

    private INDArray a;
    private INDArray b;
    private INDArray c;
    private boolean transposeA;
    private boolean transposeB;

    @Setup
    public void setUp() {
        String[] sizes = shape.split(":")[0].split("x");
        int m = Integer.parseInt(sizes[0]);
        int k = Integer.parseInt(sizes[1]);
        int n = Integer.parseInt(sizes[2]);
        transposeA = shape.endsWith(":TN");
        transposeB = shape.endsWith(":NT");
        a = transposeA ? Nd4j.rand(DataType.FLOAT, k, m) : Nd4j.rand(DataType.FLOAT, m, k);
        b = transposeB ? Nd4j.rand(DataType.FLOAT, n, k) : Nd4j.rand(DataType.FLOAT, k, n);
        c = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'f');
    }

    @Benchmark
    public INDArray gemm() {
        return Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    @Benchmark
    public INDArray mmul() {
        return (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b);
    }
}
