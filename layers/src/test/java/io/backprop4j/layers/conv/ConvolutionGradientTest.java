package io.backprop4j.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conv2d and the pooling layers: values against the defining sums, gradients against central differences. */
class ConvolutionGradientTest {

    @ParameterizedTest(name = "Conv2d {1}→{2}, k {5}, stride {6}, padding {7}, bias {8}, input {0}×{1}×{3}×{4}")
    @CsvSource({
        "2, 1, 3, 5, 5, 3, 1, 0, true",
        "3, 2, 4, 6, 7, 3, 1, 1, true",
        "2, 3, 2, 7, 5, 3, 2, 1, false",
        "1, 2, 3, 8, 8, 2, 2, 0, true",
        "2, 2, 2, 5, 6, 1, 1, 0, false",
        "2, 1, 2, 9, 7, 5, 3, 2, true"})
    void conv2d(int batch, int in, int out, int height, int width, int kernel, int stride, int padding,
                boolean bias) {
        for (Conv2d.Algorithm algorithm : Conv2d.Algorithm.values()) {
            Conv2d conv = new Conv2d(in, out, kernel, stride, padding, bias, WeightInit.HE_NORMAL, DataType.DOUBLE)
                    .algorithm(algorithm);
            conv.initialize(new Rng(5));
            if (bias) {
                conv.parameters().get(1).value().assign(GradientChecks.gaussian(new Rng(6), 1, out));
            }
            INDArray x = images(batch, in, height, width);
            INDArray y = conv.forward(x, true).dup();
            assertArrayEquals(new long[] {batch, out, (height + 2 * padding - kernel) / stride + 1,
                    (width + 2 * padding - kernel) / stride + 1}, y.shape());
            assertEquals(0, naiveConvolution(conv, x, kernel, stride, padding, bias).sub(y).amaxNumber()
                    .doubleValue(), 1e-12, algorithm.name());
            assertChecks(conv, x);
        }
    }

    @Test
    void bothAlgorithmsAgreeInFloat32() {
        INDArray x = images(8, 3, 12, 11).castTo(DataType.FLOAT);
        Conv2d im2col = new Conv2d(3, 5, 3, 2, 1, true, WeightInit.HE_NORMAL, DataType.FLOAT)
                .algorithm(Conv2d.Algorithm.IM2COL);
        Conv2d nativeOps = new Conv2d(3, 5, 3, 2, 1, true, WeightInit.HE_NORMAL, DataType.FLOAT)
                .algorithm(Conv2d.Algorithm.NATIVE);
        im2col.initialize(new Rng(3));
        nativeOps.initialize(new Rng(3));
        INDArray y = im2col.forward(x, true);
        assertEquals(0, y.sub(nativeOps.forward(x, true)).amaxNumber().doubleValue(), 1e-4);
        INDArray delta = GradientChecks.gaussian(new Rng(4), y.shape()).castTo(DataType.FLOAT);
        INDArray dx = im2col.backward(delta);
        assertEquals(0, dx.sub(nativeOps.backward(delta)).amaxNumber().doubleValue(), 1e-4);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, im2col.parameters().get(i).gradient().sub(nativeOps.parameters().get(i).gradient())
                    .amaxNumber().doubleValue(), 1e-3);
        }
    }

    @ParameterizedTest(name = "MaxPool2d k {4}, stride {5}, padding {6}, input {0}×{1}×{2}×{3}")
    @CsvSource({"2, 3, 4, 4, 2, 2, 0", "2, 2, 5, 7, 2, 2, 0", "1, 2, 6, 6, 3, 2, 1", "2, 1, 5, 5, 3, 1, 0"})
    void maxPool(int batch, int channels, int height, int width, int kernel, int stride, int padding) {
        assertChecks(new MaxPool2d(kernel, stride, padding), images(batch, channels, height, width));
    }

    @ParameterizedTest(name = "AvgPool2d k {4}, stride {5}, padding {6}, input {0}×{1}×{2}×{3}")
    @CsvSource({"2, 3, 4, 4, 2, 2, 0", "2, 2, 5, 7, 2, 2, 0", "1, 2, 6, 6, 3, 2, 1", "2, 1, 5, 5, 3, 1, 0"})
    void averagePool(int batch, int channels, int height, int width, int kernel, int stride, int padding) {
        assertChecks(new AvgPool2d(kernel, stride, padding), images(batch, channels, height, width));
    }

    @ParameterizedTest(name = "pools of a 4×4 image, k 2, padding {0}")
    @CsvSource({"0", "1"})
    void poolsTakeTheMaximumAndTheMeanOfEachWindow(int padding) {
        INDArray x = org.nd4j.linalg.factory.Nd4j.create(new double[] {
            1, 2, 3, 4,
            5, 6, 7, 8,
            9, 10, 11, 12,
            13, 14, 15, -16}, new long[] {1, 1, 4, 4}, DataType.DOUBLE);
        double[] max = new MaxPool2d(2, 2, padding).forward(x, false).data().asDouble();
        double[] mean = new AvgPool2d(2, 2, padding).forward(x, false).data().asDouble();
        if (padding == 0) {
            assertArrayEquals(new double[] {6, 8, 14, 15}, max);
            assertArrayEquals(new double[] {3.5, 5.5, 11.5, 5.5}, mean);
        } else {
            assertArrayEquals(new double[] {1, 3, 4, 9, 11, 12, 13, 15, -16}, max);
            // count_include_pad: a corner window holds one pixel and three padded zeros
            assertArrayEquals(new double[] {0.25, 1.25, 1, 3.5, 8.5, 5, 3.25, 7.25, -4}, mean);
        }
    }

    /** Y[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v] · X[n, c, s·i + u − p, s·j + v − p], zero outside X. */
    private static INDArray naiveConvolution(Conv2d conv, INDArray x, int k, int s, int p, boolean bias) {
        INDArray w = conv.weights().value();
        INDArray b = bias ? conv.parameters().get(1).value() : null;
        long n = x.size(0);
        long channels = x.size(1);
        long out = w.size(0);
        long oh = (x.size(2) + 2 * p - k) / s + 1;
        long ow = (x.size(3) + 2 * p - k) / s + 1;
        INDArray y = org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, n, out, oh, ow);
        for (int e = 0; e < n; e++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = b == null ? 0 : b.getDouble(0, o);
                        for (int c = 0; c < channels; c++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    long row = (long) s * i + u - p;
                                    long col = (long) s * j + v - p;
                                    if (row >= 0 && col >= 0 && row < x.size(2) && col < x.size(3)) {
                                        sum += w.getDouble(o, c, u, v) * x.getDouble(e, c, row, col);
                                    }
                                }
                            }
                        }
                        y.putScalar(new long[] {e, o, i, j}, sum);
                    }
                }
            }
        }
        return y;
    }

    static INDArray images(int batch, int channels, int height, int width) {
        return GradientChecks.gaussian(new Rng(batch * 1000L + channels * 100L + height * 10L + width), batch,
                channels, height, width);
    }

    static void assertChecks(Layer layer, INDArray x) {
        GradientCheck.Result result = GradientChecks.layer(layer, x, 11);
        assertTrue(result.maxRelativeError() < 1e-6, layer.name() + ": " + result);
    }
}
