package io.backprop4j.bench;

import io.backprop4j.core.kernels.Threads;
import java.util.concurrent.TimeUnit;
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
 * One whole MLP training step ({@link MlpStep}) at batch 32, 128 and 512, and its GEMMs alone; run with
 * {@code -prof gc} for allocation. {@code threads} 0 keeps the native libraries' default thread counts, 1 runs them all on one
 * thread ({@link Threads#setKernelThreads}, what {@code train} does), to compare the two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingStepBenchmark {

    @Param({"32", "128", "512"})
    public int batch;

    @Param({"0", "1"})
    public int threads;

    private MlpStep step;

    @Setup
    public void setUp() {
        Threads.setKernelThreads(threads);
        step = new MlpStep(batch);
        step.run();
    }

    @Benchmark
    public double step() {
        return step.run();
    }

    /** The same step's GEMMs alone, for the target "a step within 1.25× its GEMMs". */
    @Benchmark
    public double gemmsOnly() {
        return step.gemms();
    }
}
