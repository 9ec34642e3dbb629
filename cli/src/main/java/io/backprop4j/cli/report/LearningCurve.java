package io.backprop4j.cli.report;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.layers.Sequential;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.EpochEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Test accuracy as training goes, measured every {@code interval} batches and at the end of each epoch.
 * A point's epoch is fractional (batches done / batches per epoch) and its seconds count training only:
 * the clock stops while the test set is evaluated. Points inside an epoch are taken after a batch's
 * backward pass, before its optimizer step.
 */
final class LearningCurve implements Callback {

    /** One measurement: training progress, training seconds so far, the epoch's mean loss so far, test accuracy. */
    record Point(double epoch, double seconds, double trainLoss, double testAccuracy) {
    }

    private final Sequential model;
    private final DataSet test;
    private final int batchesPerEpoch;
    private final int interval;
    private final List<Point> points = new ArrayList<>();
    private long trainingNanos;
    private long resumed = System.nanoTime();
    private double lossSum;
    private int lossCount;

    LearningCurve(Sequential model, DataSet test, int batchesPerEpoch, int interval) {
        this.model = model;
        this.test = test;
        this.batchesPerEpoch = batchesPerEpoch;
        this.interval = interval;
    }

    @Override
    public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
        lossSum += loss;
        lossCount++;
        if (batch % interval == 0 && batch < batchesPerEpoch) {
            measure(epoch - 1 + batch / (double) batchesPerEpoch, lossSum / lossCount);
        }
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        measure(event.epoch(), event.trainLoss());
        lossSum = 0;
        lossCount = 0;
    }

    private void measure(double epoch, double trainLoss) {
        trainingNanos += System.nanoTime() - resumed;
        double accuracy = Evaluation.of(model, test).accuracy();
        points.add(new Point(epoch, trainingNanos / 1e9, trainLoss, accuracy));
        resumed = System.nanoTime();
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    /** The first point at or above {@code target} accuracy, or null if training never got there. */
    Point firstReaching(double target) {
        return points.stream().filter(p -> p.testAccuracy() >= target).findFirst().orElse(null);
    }
}
