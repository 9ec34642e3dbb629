package io.backprop4j.optim.metrics;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * F1 averaged over the classes with equal weight (scikit-learn's {@code f1_score(average='macro')}): per class
 * {@code F1 = 2·TP / (2·TP + FP + FN)}, over the classes that occur as label or prediction.
 */
final class MacroF1 implements Metric {

    private long[] truePositives = new long[0];
    private long[] falsePositives = new long[0];
    private long[] falseNegatives = new long[0];

    @Override
    public String name() {
        return "f1-macro";
    }

    @Override
    public void update(INDArray output, INDArray labels) {
        int[] predicted = Classes.predicted(output);
        int[] actual = Classes.actual(labels);
        grow(Math.max(output.columns() == 1 ? 2 : (int) output.columns(),
                Arrays.stream(actual).max().orElse(0) + 1));
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                truePositives[actual[i]]++;
            } else {
                falsePositives[predicted[i]]++;
                falseNegatives[actual[i]]++;
            }
        }
    }

    private void grow(int classes) {
        if (classes > truePositives.length) {
            truePositives = Arrays.copyOf(truePositives, classes);
            falsePositives = Arrays.copyOf(falsePositives, classes);
            falseNegatives = Arrays.copyOf(falseNegatives, classes);
        }
    }

    @Override
    public double result() {
        double sum = 0;
        int classes = 0;
        for (int k = 0; k < truePositives.length; k++) {
            long denominator = 2 * truePositives[k] + falsePositives[k] + falseNegatives[k];
            if (denominator > 0) {
                sum += 2.0 * truePositives[k] / denominator;
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    @Override
    public void reset() {
        truePositives = new long[0];
        falsePositives = new long[0];
        falseNegatives = new long[0];
    }
}
