package io.backprop4j.optim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each metric's figure on batches worked by hand, accumulated over two batches as an epoch does. */
class MetricsTest {

    /** Four rows of three classes: predicted 0, 1, 2, 2 (arg-max); the second batch predicts 1, 0. */
    private static final INDArray OUTPUTS = Nd4j.createFromArray(new double[][] {
        {3, 1, 0}, {0, 2, 1}, {0, 1, 5}, {1, 2, 3}});
    private static final INDArray LABELS = Nd4j.createFromArray(0.0, 1.0, 2.0, 1.0);
    private static final INDArray MORE_OUTPUTS = Nd4j.createFromArray(new double[][] {{0, 4, 1}, {2, 1, 3}});
    private static final INDArray MORE_LABELS = Nd4j.createFromArray(new double[][] {{0, 1, 0}, {1, 0, 0}});

    private static double over(String name) {
        Metric metric = Metrics.named(name);
        metric.update(OUTPUTS, LABELS);
        metric.update(MORE_OUTPUTS, MORE_LABELS);
        return metric.result();
    }

    @Test
    void classificationFigures() {
        // predicted 0,1,2,2,1,2 against 0,1,2,1,1,0: 4 of 6 right
        assertEquals(4.0 / 6, over("accuracy"), 1e-15);
        // top-2: the true class among the two highest in rows 1-5; row 6 (scores 2,1,3, class 0) ranks it second: 6 of 6
        assertEquals(1.0, over("top-2"), 1e-15);
        // per class TP/FP/FN: 0: 1/0/1, 1: 2/0/1, 2: 1/2/0 -> F1 2/3, 4/5, 1/2
        assertEquals((2.0 / 3 + 4.0 / 5 + 1.0 / 2) / 3, over("F1-Macro"), 1e-15);
    }

    @Test
    void regressionFigures() {
        Metric mse = Metrics.named("mse");
        Metric mae = Metrics.named("mae");
        Metric r2 = Metrics.named("r2");
        INDArray predicted = Nd4j.createFromArray(new double[][] {{1}, {2}, {4}});
        INDArray targets = Nd4j.createFromArray(new double[][] {{1}, {3}, {5}});
        for (Metric metric : new Metric[] {mse, mae, r2}) {
            metric.update(predicted, targets);
        }
        assertEquals(2.0 / 3, mse.result(), 1e-15);
        assertEquals(2.0 / 3, mae.result(), 1e-15);
        // ȳ = 3, Σ(y − ȳ)² = 8, Σ(ŷ − y)² = 2
        assertEquals(1 - 2.0 / 8, r2.result(), 1e-15);
        mse.reset();
        assertTrue(Double.isNaN(mse.result()));
    }

    @Test
    void unknownNamesAndContinuousClassLabelsAreRefused() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> Metrics.named("auc")).getMessage();
        assertTrue(unknown.contains("unknown metric 'auc'") && unknown.contains("accuracy, top-5"), unknown);
        Metric accuracy = Metrics.named("accuracy");
        String continuous = assertThrows(IllegalArgumentException.class,
                () -> accuracy.update(OUTPUTS, Nd4j.createFromArray(0.5, 1.0, 2.0, 1.0))).getMessage();
        assertTrue(continuous.contains("mse, mae, r2"), continuous);
    }
}
