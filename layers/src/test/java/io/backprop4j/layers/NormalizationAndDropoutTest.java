package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.conv.MaxPool2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** BatchNorm, Dropout, Flatten and Reshape: values from their definitions, gradients by central differences. */
class NormalizationAndDropoutTest {

    @ParameterizedTest(name = "BatchNorm, training, input {0}")
    @CsvSource({"'4, 3'", "'7, 5'", "'3, 2, 4, 5'", "'2, 3, 3, 3'"})
    void batchNormGradients(String shape) {
        long[] dims = java.util.Arrays.stream(shape.split(",")).mapToLong(d -> Long.parseLong(d.trim())).toArray();
        BatchNorm norm = new BatchNorm((int) dims[1], 1e-5, 0.1, DataType.DOUBLE);
        norm.parameters().get(0).value().assign(GradientChecks.gaussian(new Rng(2), 1, dims[1]));
        norm.parameters().get(1).value().assign(GradientChecks.gaussian(new Rng(3), 1, dims[1]));
        assertChecks(norm, GradientChecks.gaussian(new Rng(dims.length), dims).muli(3).addi(2));
    }

    @Test
    void batchNormGradientsAtInference() {
        BatchNorm norm = new BatchNorm(3, 1e-5, 0.1, DataType.DOUBLE);
        norm.forward(GradientChecks.gaussian(new Rng(1), 8, 3), true);
        INDArray x = GradientChecks.gaussian(new Rng(2), 4, 3);
        Layer inference = new Layer() {
            @Override
            public INDArray forward(INDArray input, boolean training) {
                return norm.forward(input, false);
            }

            @Override
            public INDArray backward(INDArray gradOut) {
                return norm.backward(gradOut);
            }

            @Override
            public java.util.List<io.backprop4j.core.Parameter> parameters() {
                return norm.parameters();
            }
        };
        assertChecks(inference, x);
    }

    @Test
    void batchNormNormalizesEachChannelAndKeepsPyTorchsRunningStatistics() {
        BatchNorm norm = new BatchNorm(2, 1e-5, 0.1, DataType.DOUBLE);
        // channel 0 holds 1…8, channel 1 holds 10, 20, …, 80 (two examples of 2×2 pixels)
        INDArray x = Nd4j.create(new double[] {1, 2, 3, 4, 10, 20, 30, 40, 5, 6, 7, 8, 50, 60, 70, 80},
                new long[] {2, 2, 2, 2}, DataType.DOUBLE);
        INDArray y = norm.forward(x, true);
        double variance = 5.25; // biased variance of 1…8
        assertEquals((1 - 4.5) / Math.sqrt(variance + 1e-5), y.getDouble(0, 0, 0, 0), 1e-12);
        assertEquals((80 - 45) / Math.sqrt(100 * variance + 1e-5), y.getDouble(1, 1, 1, 1), 1e-12);
        double[] mean = norm.buffers().get("runningMean").data().asDouble();
        double[] var = norm.buffers().get("runningVariance").data().asDouble();
        assertArrayEquals(new double[] {0.45, 4.5}, mean, 1e-12);
        // unbiased: 5.25 · 8/7 = 6, and 600 for channel 1
        assertArrayEquals(new double[] {0.9 + 0.1 * 6, 0.9 + 0.1 * 600}, var, 1e-12);
        INDArray z = norm.forward(x, false);
        assertEquals((1 - 0.45) / Math.sqrt(1.5 + 1e-5), z.getDouble(0, 0, 0, 0), 1e-12);
    }

    @Test
    void dropoutWithAFixedMaskHasTheGradientOfItsMask() {
        Dropout dropout = new Dropout(0.3);
        Layer fixedMask = new Layer() {
            @Override
            public INDArray forward(INDArray input, boolean training) {
                dropout.initialize(new Rng(7));
                return dropout.forward(input, training);
            }

            @Override
            public INDArray backward(INDArray gradOut) {
                return dropout.backward(gradOut);
            }
        };
        assertChecks(fixedMask, GradientChecks.gaussian(new Rng(4), 6, 9));
    }

    @Test
    void dropoutScalesTheKeptUnitsAndIsTheIdentityAtInference() {
        Dropout dropout = new Dropout(0.25);
        dropout.initialize(new Rng(1));
        INDArray x = Nd4j.ones(DataType.DOUBLE, 200, 100);
        INDArray y = dropout.forward(x, true);
        double kept = y.neq(0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertEquals(0.75, kept, 0.01, "fraction of units kept");
        assertEquals(1 / 0.75, y.maxNumber().doubleValue(), 1e-12, "kept units are scaled by 1/(1 − p)");
        assertEquals(1.0, y.meanNumber().doubleValue(), 0.02, "E[y] = x");
        INDArray first = y.dup();
        assertNotEquals(first, dropout.forward(x, true), "a new mask per batch");
        assertSame(x, dropout.forward(x, false));
    }

    @Test
    void flattenAndReshapeKeepRowMajorOrder() {
        INDArray images = Nd4j.arange(24).castTo(DataType.DOUBLE).reshape(2, 3, 2, 2);
        INDArray flat = new Flatten().forward(images, true);
        assertArrayEquals(new long[] {2, 12}, flat.shape());
        assertEquals(images.getDouble(1, 2, 0, 1), flat.getDouble(1, 9));
        INDArray back = new Reshape(3, 2, 2).forward(flat, true);
        assertEquals(images, back);
        assertChecks(new Flatten(), GradientChecks.gaussian(new Rng(1), 2, 3, 2, 2));
        assertChecks(new Reshape(2, 6), GradientChecks.gaussian(new Rng(1), 2, 12));
    }

    @Test
    void aSmallConvolutionalNetworkChecksEndToEnd() {
        Sequential cnn = Sequential.of(new Reshape(1, 6, 6),
                new Conv2d(1, 2, 3, 1, 1, true, WeightInit.HE_NORMAL, DataType.DOUBLE), new ReLU(),
                new BatchNorm(2, 1e-5, 0.1, DataType.DOUBLE), new MaxPool2d(2), new Flatten(),
                new Dense(18, 3, WeightInit.XAVIER_NORMAL, DataType.DOUBLE));
        cnn.initialize(3);
        assertChecks(cnn, GradientChecks.gaussian(new Rng(9), 4, 36));
    }

    private static void assertChecks(Layer layer, INDArray x) {
        GradientCheck.Result result = GradientChecks.layer(layer, x, 11);
        assertTrue(result.maxRelativeError() < 1e-6, layer.name() + ": " + result);
    }
}
