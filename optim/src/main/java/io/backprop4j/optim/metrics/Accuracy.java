package io.backprop4j.optim.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The share of rows whose predicted class (arg-max, or a single logit ≥ 0) is the label's. */
final class Accuracy implements Metric {

    private long correct;
    private long total;

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public void update(INDArray output, INDArray labels) {
        int[] predicted = Classes.predicted(output);
        int[] actual = Classes.actual(labels);
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == actual[i] ? 1 : 0;
        }
        total += predicted.length;
    }

    @Override
    public double result() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }
}
