package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Metrics of a model whose output is its input (one Dense layer holding the identity), on scores chosen by hand. */
class EvaluationTest {

    private static Sequential identity(int k) {
        Sequential model = Sequential.of(new Dense(k, k, WeightInit.ZEROS, DataType.DOUBLE));
        model.parameters().get(0).value().assign(Nd4j.eye(k));
        return model;
    }

    /** Six examples of three classes; true classes 0,0,1,1,2,2; predicted 0,1,1,1,2,0. */
    private static DataSet threeClasses() {
        double[][] scores = {{3, 1, 0}, {1, 2, 0}, {0, 5, 1}, {0, 4, 3}, {1, 0, 2}, {3, 2, 1}};
        double[][] labels = {{0}, {0}, {1}, {1}, {2}, {2}};
        return new DataSet(Nd4j.createFromArray(scores), Nd4j.createFromArray(labels), List.of("cat", "dog", "owl"));
    }

    @Test
    void perClassAveragesAndTopK() {
        Evaluation e = Evaluation.of(identity(3), threeClasses());
        assertArrayEquals(new long[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}}, e.confusion());
        assertEquals(4.0 / 6, e.accuracy(), 1e-15);
        assertEquals(0.5, e.precision(0), 1e-15);
        assertEquals(2.0 / 3, e.precision(1), 1e-15);
        assertEquals(1.0, e.recall(1), 1e-15);
        assertEquals(0.8, e.f1(1), 1e-15);
        assertArrayEquals(new double[] {(0.5 + 2.0 / 3 + 1) / 3, (0.5 + 1 + 0.5) / 3,
                (0.5 + 0.8 + 2.0 / 3) / 3}, e.macroAverage(), 1e-15);
        assertArrayEquals(e.macroAverage(), e.weightedAverage(), 1e-15, "equal supports: the same averages");
        assertEquals(5.0 / 6, e.topKAccuracy(2), 1e-15, "only example 5 has its class ranked last");
        assertEquals(1.0, e.topKAccuracy(3), 1e-15);
        assertTrue(e.confusionTable().contains("owl") && e.report().contains("macro avg"), e.report());
    }

    @Test
    void aBinaryClassifierWithOneLogitThresholdsAtHalf() {
        Sequential model = identity(1);
        double[][] logits = {{2}, {-0.5}, {0.1}, {-3}};
        double[][] labels = {{1}, {1}, {0}, {0}};
        Evaluation e = Evaluation.of(model, new DataSet(Nd4j.createFromArray(logits), Nd4j.createFromArray(labels)));
        assertArrayEquals(new long[][] {{1, 1}, {1, 1}}, e.confusion());
        assertEquals(List.of("0", "1"), e.classNames());
        assertArrayEquals(new int[] {1, 0, 1, 0}, Model.of(model).predictClasses(Nd4j.createFromArray(logits)));
        assertEquals(1 / (1 + Math.exp(-2)), Model.of(model).predictProbabilities(Nd4j.createFromArray(logits)).getDouble(0, 0),
                1e-15);
    }

    @Test
    void emptyDataAndLabelsBeyondTheModelsClassesAreRefused() {
        DataSet data = threeClasses();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Evaluation.of(identity(3), data.range(0, 0)))
                .getMessage().contains("the data set is empty"));
        DataSet tenClasses = new DataSet(data.features(), Nd4j.createFromArray(new double[][] {{9}, {0}, {1}, {1},
                {2}, {2}}));
        String message = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(identity(3), tenClasses))
                .getMessage();
        assertTrue(message.contains("the model has 3 outputs") && message.contains("class 9"), message);
    }

    @Test
    void regressionMetrics() {
        double[][] predictions = {{1}, {2}, {4}};
        double[][] targets = {{1}, {3}, {5}};
        RegressionMetrics m = RegressionMetrics.of(identity(1), new DataSet(Nd4j.createFromArray(predictions),
                Nd4j.createFromArray(targets)));
        assertEquals(2.0 / 3, m.meanSquaredError(), 1e-15);
        assertEquals(2.0 / 3, m.meanAbsoluteError(), 1e-15);
        assertEquals(1 - 2.0 / 8, m.r2(), 1e-15);
    }

    @Test
    void summaryListsOutputShapesAndParameterCounts() {
        Sequential model = Sequential.of(new Dense(784, 256), new ReLU(),
                new Dense(256, 10));
        String summary = Model.of(model).summary(784);
        assertTrue(summary.contains("[batch, 256]") && summary.contains("200,960") && summary.contains("2,570")
                && summary.contains("total: 203,530 parameters"), summary);
    }

    @Test
    void classIndicesOfShapeNTrainAndEvaluateAsPyTorchsDo() {
        Rng rng = new Rng(3);
        float[][] x = new float[120][2];
        float[] y = new float[120];
        for (int i = 0; i < x.length; i++) {
            int k = i % 3;
            x[i][0] = (float) (2 * k + 0.3 * rng.nextGaussian());
            x[i][1] = (float) (-k + 0.3 * rng.nextGaussian());
            y[i] = k;
        }
        DataSet data = new DataSet(Nd4j.create(x), Nd4j.createFromArray(y));
        assertEquals(1, data.labels().rank(), "labels [n], as PyTorch's CrossEntropyLoss takes them");
        Sequential model = Sequential.of(new Dense(2, 16), new ReLU(), new Dense(16, 3)).initialize(1);
        new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.05))
                .fit(data, Fit.epochs(30).batchSize(32).seed(1));
        assertTrue(Evaluation.of(model, data).accuracy() > 0.95, "three separated clouds are learned");
    }

    @Test
    void continuousTargetsAreNotScoredAsClasses() {
        DataSet targets = new DataSet(Nd4j.rand(DataType.DOUBLE, 4, 3), Nd4j.createFromArray(0.5, 1.0, 2.0, 0.25));
        String message = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(identity(3), targets))
                .getMessage();
        assertTrue(message.contains("label 0.5 of row 0 is not a class index") && message.contains("RegressionMetrics"),
                message);
    }
}
