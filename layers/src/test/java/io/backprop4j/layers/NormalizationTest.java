package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.io.ModelFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NormalizationTest {

    private static final INDArray X = Nd4j.createFromArray(new double[][] {{1, 10, 5}, {3, 30, 5}});

    @Test
    void standardizingGivesZeroMeanUnitVarianceAndLeavesConstantColumnsCentred() {
        INDArray y = Normalization.standardizing(X).forward(X, false);
        assertArrayEquals(new double[][] {{-1, -1, 0}, {1, 1, 0}}, y.toDoubleMatrix());
    }

    @Test
    void rescalingDividesEveryFeatureByTheLargestValue() {
        INDArray y = Normalization.rescaling(X).forward(X, false);
        assertArrayEquals(new double[] {1 / 30.0, 1 / 3.0, 5 / 30.0}, y.getRow(0).toDoubleVector(), 1e-15);
    }

    @Test
    void itsGradientMatchesFiniteDifferences() {
        Normalization layer = Normalization.standardizing(X);
        assertTrue(GradientChecks.layer(layer, X.add(0.5), 1).maxRelativeError() < 1e-8);
    }

    @Test
    void theFittedScalingIsSavedInTheModelFileAndAppliedByTheReloadedModel(@TempDir Path dir) throws Exception {
        INDArray x = GradientChecks.gaussian(new Rng(2), 8, 3).muli(40).addi(7);
        Sequential model = Sequential.of(Normalization.standardizing(x), new Dense(3, 2,
                WeightInit.XAVIER_NORMAL, DataType.DOUBLE), new Tanh()).initialize(4);
        Path file = dir.resolve("model.zip");
        ModelFile.save(model, file);
        Sequential loaded = ModelFile.load(file).model();
        assertEquals(Model.of(model).predict(x), Model.of(loaded).predict(x));
        assertEquals(model.buffers().get("0.scale"), loaded.buffers().get("0.scale"));
    }
}
