package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.Mish;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.SiLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Softmax;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.losses.SigmoidBinaryCrossEntropy;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Activations and losses at |s| = 100 and 1000, in float32 and float64: finite and correct. */
class StabilityTest {

    private static final double[] EXTREMES = {-1000, -100, 100, 1000};

    /** Each activation with its limit behaviour written out by hand for large |s|. */
    static Stream<Arguments> activations() {
        DoubleUnaryOperator relu = s -> Math.max(s, 0);
        return Stream.of(
                Arguments.of(new Sigmoid(), (DoubleUnaryOperator) s -> s > 0 ? 1 : 0),
                Arguments.of(new Tanh(), (DoubleUnaryOperator) Math::signum),
                Arguments.of(new ReLU(), relu),
                Arguments.of(new LeakyReLU(), (DoubleUnaryOperator) s -> s > 0 ? s : 0.01 * s),
                Arguments.of(new ELU(), (DoubleUnaryOperator) s -> s > 0 ? s : -1),
                Arguments.of(new SELU(), (DoubleUnaryOperator) s -> SELU.LAMBDA * (s > 0 ? s : -SELU.ALPHA)),
                Arguments.of(new Softplus(), relu),
                Arguments.of(new GELU(), relu),
                Arguments.of(new SiLU(), relu),
                Arguments.of(new Mish(), relu),
                Arguments.of(new HardSigmoid(), (DoubleUnaryOperator) s -> s > 0 ? 1 : 0),
                Arguments.of(new HardTanh(), (DoubleUnaryOperator) Math::signum),
                Arguments.of(new Softsign(), (DoubleUnaryOperator) s -> s / (1 + Math.abs(s))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void forwardAndBackwardAreFiniteAndCorrectAtLargeInputs(Layer activation, DoubleUnaryOperator limit) {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray s = Nd4j.create(EXTREMES, new long[] {1, EXTREMES.length}, type);
            INDArray f = activation.forward(s, true);
            INDArray grad = activation.backward(Nd4j.ones(type, 1, EXTREMES.length));
            for (int i = 0; i < EXTREMES.length; i++) {
                double expected = limit.applyAsDouble(EXTREMES[i]);
                assertEquals(expected, f.getDouble(i), 1e-6 * Math.max(1, Math.abs(expected)),
                        activation.name() + " " + type + " at " + EXTREMES[i]);
                assertTrue(Double.isFinite(grad.getDouble(i)), activation.name() + "' at " + EXTREMES[i] + " " + type);
            }
        }
    }

    @Test
    void softmaxOfARowSpanning1000IsExact() {
        for (Layer layer : new Layer[] {new Softmax(), new LogSoftmax()}) {
            INDArray s = Nd4j.create(new double[][] {{0, 500, 1000}, {-1000, -1000, -1000}});
            INDArray f = layer.forward(s, false);
            boolean log = layer instanceof LogSoftmax;
            assertEquals(log ? -1000 : 0, f.getDouble(0, 0), 1e-9, layer.name());
            assertEquals(log ? -500 : 0, f.getDouble(0, 1), 1e-9, layer.name());
            assertEquals(log ? 0 : 1, f.getDouble(0, 2), 1e-9, layer.name());
            assertEquals(log ? -Math.log(3) : 1.0 / 3, f.getDouble(1, 0), 1e-12, layer.name());
        }
    }

    @Test
    void fusedLossesStayFiniteOnHugeLogits() {
        INDArray logits = Nd4j.create(new double[][] {{1000, -1000}, {-1000, 1000}});
        INDArray target = Nd4j.create(new double[][] {{0, 1}, {0, 1}});
        // row 1 is confidently wrong by 2000 nats, row 2 exactly right: mean loss 1000
        assertEquals(1000, new SoftmaxCrossEntropy().value(logits, target), 1e-9);
        // binary: row 1 costs 1000 + 1000, row 2 costs 0 + 0
        assertEquals(1000, new SigmoidBinaryCrossEntropy().value(logits, target), 1e-9);
        INDArray grad = new SoftmaxCrossEntropy().gradient(logits, target);
        assertEquals(0.5, grad.getDouble(0, 0), 1e-12);
        assertEquals(-0.5, grad.getDouble(0, 1), 1e-12);
        assertEquals(0, grad.getDouble(1, 1), 1e-12);
    }
}
