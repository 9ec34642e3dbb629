package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import io.backprop4j.layers.activations.Identity;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.Mish;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.SiLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Sign;
import io.backprop4j.layers.activations.Softmax;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.activations.Softsign;
import io.backprop4j.layers.activations.Tanh;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every activation's backward pass against central differences, float64, on two batch shapes. */
class ActivationGradientTest {

    static Stream<Arguments> activations() {
        Stream<Supplier<Layer>> all = Stream.of(Identity::new, Sign::new, Sigmoid::new, Tanh::new, ReLU::new,
                LeakyReLU::new, () -> new LeakyReLU(0.1), ELU::new, () -> new ELU(0.5), SELU::new, Softplus::new,
                GELU::new, SiLU::new, HardSigmoid::new, HardTanh::new, Softsign::new, Mish::new, Softmax::new,
                LogSoftmax::new, () -> new PReLU(0, DataType.DOUBLE), () -> new PReLU(7, DataType.DOUBLE));
        return all.flatMap(make -> Stream.of(Arguments.of(make.get(), 4, 7), Arguments.of(make.get(), 9, 7)));
    }

    @ParameterizedTest(name = "{0} on [{1}, {2}]")
    @MethodSource("activations")
    void backwardMatchesCentralDifferences(Layer activation, int batch, int features) {
        INDArray x = awayFromKinks(GradientChecks.gaussian(new Rng(batch * 31L + features), batch, features).muli(2.5));
        GradientCheck.Result result = GradientChecks.layer(activation, x, 7);
        assertTrue(result.maxRelativeError() < 1e-6, activation.name() + ": " + result);
    }

    /** Moves entries off the points where piecewise activations have no derivative (0, ±1, ±3). */
    private static INDArray awayFromKinks(INDArray x) {
        for (long i = 0; i < x.length(); i++) {
            double v = x.getDouble(i);
            for (double kink : new double[] {0, 1, -1, 3, -3}) {
                if (Math.abs(v - kink) < 1e-3) {
                    x.putScalar(i, kink + 0.01);
                }
            }
        }
        return x;
    }
}
