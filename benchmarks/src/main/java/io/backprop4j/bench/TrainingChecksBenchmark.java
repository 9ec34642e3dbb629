package io.backprop4j.bench;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.Shapes;
import io.backprop4j.layers.Models;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Sgd;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * What the Trainer's safety checks cost per batch, beside the training step they guard: the MLP
 * 784-256-128-10 at batch 128 (forward, softmax cross-entropy, backward, Nesterov step), and the checks
 * made on every batch (shapes and data types at each layer and loss, a finite loss, and one native sum
 * of each gradient, which is non-finite exactly when the gradient holds a NaN or ±∞).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingChecksBenchmark {

    private Sequential model;
    private SoftmaxCrossEntropy loss;
    private Sgd optimizer;
    private INDArray x;
    private INDArray labels;

    @Setup
    public void setUp() {
        model = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10).initialize(1);
        loss = new SoftmaxCrossEntropy();
        optimizer = Sgd.nesterov(0.01, 0.9);
        x = Nd4j.rand(DataType.FLOAT, 128, 784);
        labels = Nd4j.zeros(DataType.FLOAT, 128, 10);
        for (int i = 0; i < 128; i++) {
            labels.putScalar(i, i % 10, 1);
        }
        trainingStep();
    }

    @Benchmark
    public double trainingStep() {
        INDArray logits = model.forward(x, true);
        double value = loss.value(logits, labels);
        model.zeroGradients();
        model.backward(loss.gradient(logits, labels));
        optimizer.step(model.parameters());
        return value;
    }

    /** The alternative the Trainer does not use: a match-condition count of NaN/±∞ per gradient. */
    @Benchmark
    public boolean gradientMatchCondition() {
        boolean nonFinite = false;
        for (Parameter p : model.parameters()) {
            nonFinite |= BooleanIndexing.or(p.gradient(), Conditions.notFinite());
        }
        return nonFinite;
    }

    @Benchmark
    public boolean perBatchChecks() {
        Shapes.requireMatrix("Dense", "input", x, 784);
        Shapes.requireDataType("Dense", x, DataType.FLOAT);
        Shapes.requireSameShape("loss", "logits", labels, "target", labels);
        double sum = 0;
        for (Parameter p : model.parameters()) {
            sum += p.gradient().sumNumber().doubleValue();
        }
        return Double.isFinite(sum);
    }
}
