package io.backprop4j.bench;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.core.kernels.Threads;
import java.util.concurrent.TimeUnit;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
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
 * first layer is {@code 784x128x256:TN} and {@code dX = δ·Wᵀ} is {@code 128x256x784:NT}. Row-major operands.
 * <ul>
 * <li>{@code layers}: {@link Kernels#gemm} into a preallocated row-major result, what the layers do;</li>
 * <li>{@code onednn}: oneDNN's {@code dnnl_sgemm} called directly on the same arrays (on Linux x86_64);</li>
 * <li>{@code openblas}: the bundled OpenBLAS's {@code cblas_sgemm} called directly, the rate the
 * training GEMMs are measured against;</li>
 * <li>{@code nd4j}: ND4J's {@code gemm} into a preallocated column-major result, the layers' path before
 * the kernels' GEMM.</li>
 * </ul>
 * ND4J's allocating {@code mmul} was 1.1–13× slower than {@code nd4j} at these shapes
 * (docs/benchmarks/mlp-cnn-step-jmh-2026-11-22a.md) and is no longer measured, to keep the quick subset of the suite
 * under 5 minutes.
 * {@code threads} is passed to {@link Threads#setKernelThreads} (0 keeps the native defaults).
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

    @Param({"1"})
    public int threads;

    private INDArray a;
    private INDArray b;
    private INDArray c;
    private INDArray columnMajor;
    private boolean transposeA;
    private boolean transposeB;
    private int m;
    private int n;
    private int k;

    @Setup
    public void setUp() {
        String[] sizes = shape.split(":")[0].split("x");
        Threads.setKernelThreads(threads);
        m = Integer.parseInt(sizes[0]);
        k = Integer.parseInt(sizes[1]);
        n = Integer.parseInt(sizes[2]);
        transposeA = shape.endsWith(":TN");
        transposeB = shape.endsWith(":NT");
        a = transposeA ? Nd4j.rand(DataType.FLOAT, k, m) : Nd4j.rand(DataType.FLOAT, m, k);
        b = transposeB ? Nd4j.rand(DataType.FLOAT, n, k) : Nd4j.rand(DataType.FLOAT, k, n);
        c = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
        columnMajor = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'f');
    }

    @Benchmark
    public INDArray layers() {
        return Kernels.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    @Benchmark
    public INDArray onednn() {
        dnnl.dnnl_sgemm(flag(transposeA), flag(transposeB), m, n, k, 1f, floats(a), a.columns(), floats(b),
                b.columns(), 0f, floats(c), n);
        return c;
    }

    @Benchmark
    public INDArray openblas() {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transposeA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, 1f, floats(a),
                (int) a.columns(), floats(b), (int) b.columns(), 0f, floats(c), n);
        return c;
    }

    @Benchmark
    public INDArray nd4j() {
        return Nd4j.gemm(a, b, columnMajor, transposeA, transposeB, 1.0, 0.0);
    }

    private static FloatPointer floats(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }

    private static byte flag(boolean transpose) {
        return (byte) (transpose ? 'T' : 'N');
    }
}
