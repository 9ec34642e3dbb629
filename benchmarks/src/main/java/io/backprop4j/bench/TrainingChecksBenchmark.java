package io.backprop4j.bench;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.Shapes;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the Trainer's safety checks cost per batch, to compare with the training step they guard
 * ({@link TrainingStepBenchmark}, batch 128): the checks made on every batch (shapes and data types at each layer and loss, a finite loss, and one native sum
 * of each gradient, which is non-finite exactly when the gradient holds a NaN or ±∞).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingChecksBenchmark {

    private MlpStep step;

    @Setup
    public void setUp() {
        step = new MlpStep(128);
        step.run();
    }

    @Benchmark
    public boolean perBatchChecks() {
        Shapes.requireMatrix("Dense", "input", step.x, 784);
        Shapes.requireDataType("Dense", step.x, DataType.FLOAT);
        Shapes.requireSameShape("loss", "logits", step.labels, "target", step.labels);
        double sum = 0;
        for (Parameter p : step.model.parameters()) {
            sum += p.gradient().sumNumber().doubleValue();
        }
        return Double.isFinite(sum);
    }

    /** The alternative the Trainer does not use: a match-condition count of NaN/±∞ per gradient. */
    @Benchmark
    public boolean gradientMatchCondition() {
        boolean nonFinite = false;
        for (Parameter p : step.model.parameters()) {
            nonFinite |= BooleanIndexing.or(p.gradient(), Conditions.notFinite());
        }
        return nonFinite;
    }
}
