package io.backprop4j.optim.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The share of rows whose true class is among the k highest outputs (Keras's {@code top_k_categorical_accuracy}). */
final class TopK implements Metric {

    private final int k;
    private long hits;
    private long total;

    TopK(int k) {
        this.k = k;
    }

    @Override
    public String name() {
        return "top-" + k;
    }

    @Override
    public void update(INDArray output, INDArray labels) {
        int[] actual = Classes.actual(labels);
        double[][] scores = output.toDoubleMatrix();
        for (int i = 0; i < actual.length; i++) {
            int higher = 0;
            for (double score : scores[i]) {
                higher += score > scores[i][actual[i]] ? 1 : 0;
            }
            hits += higher < k ? 1 : 0;
        }
        total += actual.length;
    }

    @Override
    public double result() {
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    @Override
    public void reset() {
        hits = 0;
        total = 0;
    }
}
