package io.backprop4j.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The two kernel sets compute the same results, and the process uses the one its property or variable names. */
class KernelsTest {

    private static final KernelSet TUNED = Kernels.choose("tuned");
    private static final KernelSet PORTABLE = Kernels.choose("portable");

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
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kernels.choose("gpu"));
        assertTrue(e.getMessage().contains("tuned or portable"), e.getMessage());
    }

    @Test
    void everyElementwiseKernelAgreesBetweenTheTwoSets() {
        INDArray x = gaussian(1, 64, 300).muli(3);
        List<String> names = List.of("sigmoid", "tanh", "exp", "erf", "relu", "reluKeepingNaN", "negativePart",
                "abs", "sign", "softmax", "logSoftmax");
        List<BiFunction<KernelSet, INDArray, INDArray>> kernels = List.of(
                (k, a) -> k.sigmoid(a, a.ulike()), (k, a) -> k.tanh(a, a.ulike()), (k, a) -> k.exp(a, a.ulike()),
                (k, a) -> k.erf(a, a.ulike()), (k, a) -> k.relu(a, a.ulike()),
                (k, a) -> k.reluKeepingNaN(a, a.ulike()), (k, a) -> k.negativePart(a, a.ulike()),
                (k, a) -> k.abs(a, a.ulike()), (k, a) -> k.sign(a, a.ulike()), (k, a) -> k.softmax(a, a.ulike()),
                (k, a) -> k.logSoftmax(a, a.ulike()));
        for (int i = 0; i < names.size(); i++) {
            assertClose(names.get(i), kernels.get(i).apply(TUNED, x), kernels.get(i).apply(PORTABLE, x));
        }
        INDArray positive = Nd4j.math().abs(x).addi(1e-3);
        assertClose("log", TUNED.log(positive, x.ulike()), PORTABLE.log(positive, x.ulike()));
        assertClose("log1p", TUNED.log1p(positive, x.ulike()), PORTABLE.log1p(positive, x.ulike()));
        assertClose("sqrt", TUNED.sqrt(positive, x.ulike()), PORTABLE.sqrt(positive, x.ulike()));
        assertClose("softplus", TUNED.softplus(x, x.ulike(), x.ulike()), PORTABLE.softplus(x, x.ulike(), x.ulike()));
        INDArray g = gaussian(2, 64, 300);
        INDArray f = TUNED.relu(x, x.ulike());
        assertClose("reluGradient", TUNED.reluGradient(f, g, x.ulike()), PORTABLE.reluGradient(f, g, x.ulike()));
    }

    @Test
    void productsLevelOneAndTheMomentumUpdatesAgree() {
        INDArray a = gaussian(3, 128, 70);
        INDArray b = gaussian(4, 70, 40);
        INDArray c = gaussian(5, 128, 40);
        assertClose("gemm", TUNED.gemm(a, b, c.dup(), false, false, 0.5, 2), PORTABLE.gemm(a, b, c.dup(), false,
                false, 0.5, 2));
        assertClose("gemm Aᵀ", TUNED.gemm(a, c, Nd4j.zeros(DataType.FLOAT, 70, 40), true, false, 1, 0),
                PORTABLE.gemm(a, c, Nd4j.zeros(DataType.FLOAT, 70, 40), true, false, 1, 0));
        INDArray x = gaussian(6, 200, 100);
        INDArray y = gaussian(7, 200, 100);
        assertClose("axpy", TUNED.axpy(0.3, x, y.dup()), PORTABLE.axpy(0.3, x, y.dup()));
        assertClose("scale", TUNED.scale(-2, y.dup()), PORTABLE.scale(-2, y.dup()));
        assertClose("copy", TUNED.copy(x, y.ulike()), PORTABLE.copy(x, y.ulike()));
        assertEquals(TUNED.dot(x, y), PORTABLE.dot(x, y), 1e-5 * Math.abs(TUNED.dot(x, y)));
        assertEquals(TUNED.absoluteSum(x), PORTABLE.absoluteSum(x), 1e-5 * TUNED.absoluteSum(x));
        assertEquals(0, PORTABLE.zero(x.dup()).amaxNumber().doubleValue());
        INDArray g = gaussian(8, 256, 128);
        INDArray v = gaussian(9, 256, 128);
        INDArray w = gaussian(10, 256, 128);
        INDArray tunedV = v.dup();
        INDArray portableV = v.dup();
        TUNED.momentum(0.9, g, tunedV);
        PORTABLE.momentum(0.9, g, portableV);
        assertClose("momentum", tunedV, portableV);
        INDArray tunedW = w.dup();
        INDArray portableW = w.dup();
        TUNED.nesterovStep(0.1, 0.9, g.dup(), tunedV, tunedW);
        PORTABLE.nesterovStep(0.1, 0.9, g.dup(), portableV, portableW);
        assertClose("Nesterov step", tunedW, portableW);
    }
}
