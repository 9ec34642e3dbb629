package io.backprop4j.bench;

import java.util.concurrent.TimeUnit;
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
 * One whole MLP training step ({@link MlpStep}) at batch 32, 128 and 512; run with {@code -prof gc} for
 * allocation. {@code masterThreads} 0 keeps ND4J's default thread count for its own kernels, 1 sets
 * {@code Nd4j.getEnvironment().setMaxMasterThreads(1)} (BLAS keeps its threads), to compare the two.
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
    public int masterThreads;

    private MlpStep step;

    @Setup
    public void setUp() {
        if (masterThreads > 0) {
            Nd4j.getEnvironment().setMaxMasterThreads(masterThreads);
        }
        step = new MlpStep(batch);
        step.run();
    }

    @Benchmark
    public double step() {
        return step.run();
    }
}
