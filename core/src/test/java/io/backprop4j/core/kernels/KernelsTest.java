package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The two kernel sets compute the same results (the tuned classes against {@link PortableKernels}, operation by
 * operation), the composite kernels match float64 arithmetic, and the process uses the set its property or
 * variable names.
 */
class KernelsTest {

    private static INDArray gaussian(long seed, long... shape) {
        Rng rng = new Rng(seed);
        double[] values = new double[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextGaussian();
        }
        return Nd4j.createFromArray(values).reshape(shape).castTo(DataType.FLOAT);
    }

    private static void assertClose(String what, INDArray expected, INDArray actual) {
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double difference = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber()
                .doubleValue();
        assertTrue(difference <= 2e-6 * scale, what + ": tuned and portable differ by " + difference);
    }

    @Test
    void theProcessUsesTheKernelsItsPropertyOrVariableNames() {
        String named = System.getProperty(Kernels.PROPERTY, System.getenv(Kernels.ENVIRONMENT));
        assertEquals(named == null || named.isBlank() ? "tuned" : named.trim(), Kernels.name());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kernels.tuned("gpu"));
        assertTrue(e.getMessage().contains("tuned or portable"), e.getMessage());
    }

    @Test
    void everyElementwiseKernelAgreesBetweenTheTwoSets() {
        INDArray x = gaussian(1, 64, 300).muli(3);
        List<String> names = List.of("sigmoid", "tanh", "exp", "erf", "relu", "reluKeepingNaN", "negativePart",
                "abs", "sign");
        List<BinaryOperator<INDArray>> tuned = List.of(Elementwise::sigmoid, Elementwise::tanh, Elementwise::exp,
                Elementwise::erf, Elementwise::relu, Elementwise::reluKeepingNaN, Elementwise::negativePart,
                Elementwise::abs, Elementwise::sign);
        List<BinaryOperator<INDArray>> portable = List.of(PortableKernels::sigmoid, PortableKernels::tanh,
                PortableKernels::exp, PortableKernels::erf, PortableKernels::relu, PortableKernels::reluKeepingNaN,
                PortableKernels::negativePart, PortableKernels::abs, PortableKernels::sign);
        for (int i = 0; i < names.size(); i++) {
            assertClose(names.get(i), tuned.get(i).apply(x, x.ulike()), portable.get(i).apply(x, x.ulike()));
        }
        INDArray positive = Nd4j.math().abs(x).addi(1e-3);
        assertClose("log", Elementwise.log(positive, x.ulike()), PortableKernels.log(positive, x.ulike()));
        assertClose("sqrt", Elementwise.sqrt(positive, x.ulike()), PortableKernels.sqrt(positive, x.ulike()));
        INDArray g = gaussian(2, 64, 300);
        INDArray f = Elementwise.relu(x, x.ulike());
        assertClose("reluGradient", Elementwise.reluGradient(f, g, x.ulike()),
                PortableKernels.reluGradient(f, g, x.ulike()));
    }

    @Test
    void theCompositeKernelsMatchFloat64Arithmetic() {
        INDArray x = gaussian(11, 64, 300).muli(3);
        INDArray exact = x.castTo(DataType.DOUBLE);
        INDArray shifted = exact.subColumnVector(exact.max(true, 1));
        INDArray softmax = Transforms.exp(shifted, true);
        softmax.diviColumnVector(softmax.sum(true, 1));
        assertClose("softmax", softmax, Kernels.softmax(x, x.ulike()));
        assertClose("logSoftmax", Transforms.log(softmax, true), Kernels.logSoftmax(x, x.ulike()));
        INDArray softplus = Transforms.log(Transforms.exp(exact, true).addi(1), false);
        assertClose("softplus", softplus, Kernels.softplus(x, x.ulike(), x.ulike()));
        INDArray small = Nd4j.createFromArray(new float[] {1e-10f, 1e-5f, 0.5f, 3f});
        double[] log1p = {1e-10, Math.log1p(1e-5), Math.log1p(0.5), Math.log1p(3)};
        double[] actual = Kernels.log1p(small, small.ulike()).toDoubleVector();
        for (int i = 0; i < log1p.length; i++) {
            assertEquals(log1p[i], actual[i], 1e-6 * log1p[i], "log1p of " + small.getDouble(i));
        }
    }

    @Test
    void productsLevelOneAndTheMomentumUpdatesAgree() {
        INDArray a = gaussian(3, 128, 70);
        INDArray b = gaussian(4, 70, 40);
        INDArray c = gaussian(5, 128, 40);
        assertClose("gemm", Gemm.gemm(a, b, c.dup(), false, false, 0.5, 2), PortableKernels.gemm(a, b, c.dup(),
                false, false, 0.5, 2));
        assertClose("gemm Aᵀ", Gemm.gemm(a, c, Nd4j.zeros(DataType.FLOAT, 70, 40), true, false, 1, 0),
                PortableKernels.gemm(a, c, Nd4j.zeros(DataType.FLOAT, 70, 40), true, false, 1, 0));
        INDArray x = gaussian(6, 200, 100);
        INDArray y = gaussian(7, 200, 100);
        assertClose("axpy", Level1.axpy(0.3, x, y.dup()), PortableKernels.axpy(0.3, x, y.dup()));
        assertClose("scale", Level1.scale(-2, y.dup()), PortableKernels.scale(-2, y.dup()));
        assertClose("copy", Level1.copy(x, y.ulike()), PortableKernels.copy(x, y.ulike()));
        assertEquals(Level1.dot(x, y), PortableKernels.dot(x, y), 1e-5 * Math.abs(Level1.dot(x, y)));
        assertEquals(Level1.absoluteSum(x), PortableKernels.absoluteSum(x), 1e-5 * Level1.absoluteSum(x));
        assertEquals(0, PortableKernels.zero(x.dup()).amaxNumber().doubleValue());
        INDArray g = gaussian(8, 256, 128);
        INDArray v = gaussian(9, 256, 128);
        INDArray w = gaussian(10, 256, 128);
        INDArray tunedV = v.dup();
        INDArray portableV = v.dup();
        Level1.momentum(0.9, g, tunedV);
        PortableKernels.momentum(0.9, g, portableV);
        assertClose("momentum", tunedV, portableV);
        INDArray tunedW = w.dup();
        INDArray portableW = w.dup();
        Level1.nesterovStep(0.1, 0.9, g.dup(), tunedV, tunedW);
        PortableKernels.nesterovStep(0.1, 0.9, g.dup(), portableV, portableW);
        assertClose("Nesterov step", tunedW, portableW);
    }
}
