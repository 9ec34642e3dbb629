package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Threads;
import io.backprop4j.optim.transforms.AddDecayedWeights;
import io.backprop4j.optim.transforms.TraceMomentum;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each optimizer's first three steps on J(w) = ½ Σ a_i (w_i − c_i)², against its published update rule
 * written out in plain double arithmetic.
 */
class OptimizerStepsTest {

    private static final double[] A = {1.0, 4.0, 0.5};
    private static final double[] C = {0.3, -0.2, 1.5};
    private static final double[] W0 = {1.0, 1.0, -1.0};

    /** The rule for one coordinate: given w, g, the step number t (from 1) and a state array, returns new w. */
    interface Rule {
        double apply(double w, double g, int t, double[] state);
    }

    @Test
    void sgd() {
        assertMatches(() -> Optimizers.sgd(0.1), (w, g, t, s) -> w - 0.1 * g);
    }

    @Test
    void sgdWithMomentum() {
        assertMatches(() -> Optimizers.momentum(0.1, 0.9), (w, g, t, s) -> {
            s[0] = 0.9 * s[0] + g;
            return w - 0.1 * s[0];
        });
    }

    @Test
    void sgdWithNesterovMomentum() {
        assertMatches(() -> Optimizers.nesterov(0.1, 0.9), (w, g, t, s) -> {
            s[0] = 0.9 * s[0] + g;
            return w - 0.1 * (g + 0.9 * s[0]);
        });
    }

    @Test
    void sgdWithWeightDecayShrinksThenSteps() {
        assertMatches(() -> Optimizers.chain(0.1, new AddDecayedWeights(0.01)),
                (w, g, t, s) -> (1 - 0.1 * 0.01) * w - 0.1 * g);
    }

    @Test
    void adagrad() {
        assertMatches(() -> Optimizers.adagrad(0.5), (w, g, t, s) -> {
            s[0] += g * g;
            return w - 0.5 * g / (Math.sqrt(s[0]) + 1e-10);
        });
    }

    @Test
    void rmsProp() {
        assertMatches(() -> Optimizers.rmsprop(0.01), (w, g, t, s) -> {
            s[0] = 0.99 * s[0] + 0.01 * g * g;
            return w - 0.01 * g / (Math.sqrt(s[0]) + 1e-8);
        });
    }

    @Test
    void adam() {
        assertMatches(() -> Optimizers.adam(0.1), (w, g, t, s) -> adamStep(w, g, t, s));
    }

    @Test
    void adamWDecaysTheWeightsApartFromTheGradient() {
        assertMatches(() -> Optimizers.adamw(0.1, 0.05), (w, g, t, s) -> adamStep((1 - 0.1 * 0.05) * w, g, t, s));
    }

    @Test
    void adamWithAmsgrad() {
        assertMatches(() -> Optimizers.amsgrad(0.1), (w, g, t, s) -> {
            s[0] = 0.9 * s[0] + 0.1 * g;
            s[1] = 0.999 * s[1] + 0.001 * g * g;
            s[2] = Math.max(s[2], s[1]);
            double mHat = s[0] / (1 - Math.pow(0.9, t));
            return w - 0.1 * mHat / (Math.sqrt(s[2] / (1 - Math.pow(0.999, t))) + 1e-8);
        });
    }

    @Test
    void rmsPropCenteredWithMomentum() {
        assertMatches(() -> Optimizers.rmsprop(0.01, 0.9, 1e-8, 0.5, true), (w, g, t, s) -> {
            s[0] = 0.9 * s[0] + 0.1 * g * g;
            s[1] = 0.9 * s[1] + 0.1 * g;
            double average = Math.sqrt(s[0] - s[1] * s[1]) + 1e-8;
            s[2] = t == 1 ? g / average : 0.5 * s[2] + g / average;
            return w - 0.01 * s[2];
        });
    }

    @Test
    void adagradWithLearningRateDecay() {
        assertMatches(() -> Optimizers.adagrad(0.5, 1e-10, 0.1), (w, g, t, s) -> {
            s[0] += g * g;
            return w - 0.5 / (1 + (t - 1) * 0.1) * g / (Math.sqrt(s[0]) + 1e-10);
        });
    }

    @Test
    void momentumWithDampening() {
        assertMatches(() -> Optimizers.chain(0.1, new TraceMomentum(0.9, false, 0.3)), (w, g, t, s) -> {
            s[0] = t == 1 ? g : 0.9 * s[0] + 0.7 * g;
            return w - 0.1 * s[0];
        });
    }

    @Test
    void adadelta() {
        assertMatches(() -> Optimizers.adadelta(1.0), (w, g, t, s) -> {
            s[0] = 0.9 * s[0] + 0.1 * g * g;
            double delta = Math.sqrt(s[1] + 1e-6) / Math.sqrt(s[0] + 1e-6) * g;
            s[1] = 0.9 * s[1] + 0.1 * delta * delta;
            return w - delta;
        });
    }

    /**
     * Momentum SGD, fused and as its chain, on a float32 parameter long enough for one oneDNN pass per formula, split
     * across two cores, with a learning rate scheduled to change every step: the same rules, element by element.
     */
    @Test
    void sgdMomentumOnLongFloat32Vectors() {
        int before = Math.max(1, Threads.kernelThreads());
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        int wideBefore = Threads.wideThreads();
        try {
            Threads.setKernelThreads(1);
            for (int wide = 1; wide <= 2; wide++) {
                Threads.setWideThreads(wide);
                for (boolean nesterov : new boolean[] {false, true}) {
                    assertLongVectorSteps(Optimizers.fusedMomentum(0.1, 0.9, nesterov), nesterov, "fused, wide " + wide);
                    assertLongVectorSteps(nesterov ? Optimizers.nesterov(0.1, 0.9) : Optimizers.momentum(0.1, 0.9),
                            nesterov, "chain, wide " + wide);
                }
            }
        } finally {
            Threads.setWideThreads(wideBefore);
            Threads.setKernelThreads(before);
            Nd4j.factory().blas().setMaxThreads(blasBefore);
        }
    }

    private static void assertLongVectorSteps(Optimizer optimizer, boolean nesterov, String what) {
        Optimizer sgd = optimizer.withSchedule(epoch -> 0.1 / (epoch + 1), 1);   // one step an epoch: η = 0.1 / t
        int n = 3 * (1 << 14) + 5;
        INDArray a = Nd4j.rand(DataType.FLOAT, 1, n);
        INDArray c = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5);
        Parameter w = Parameter.of("w", Nd4j.rand(DataType.FLOAT, 1, n));
        double[] expected = w.value().toDoubleVector();
        double[] velocity = new double[n];
        double[] av = a.toDoubleVector();
        double[] cv = c.toDoubleVector();
        for (int t = 1; t <= 3; t++) {
            double eta = 0.1 / t;
            w.gradient().assign(w.value().sub(c).muli(a));
            sgd.step(List.of(w));
            for (int i = 0; i < n; i++) {
                double g = av[i] * (expected[i] - cv[i]);
                velocity[i] = 0.9 * velocity[i] + g;
                expected[i] -= eta * (nesterov ? g + 0.9 * velocity[i] : velocity[i]);
            }
            assertArrayEquals(expected, w.value().toDoubleVector(), 1e-5,
                    (nesterov ? "Nesterov" : "momentum") + ", " + what + ", after step " + t);
        }
    }

    private static double adamStep(double w, double g, int t, double[] s) {
        s[0] = 0.9 * s[0] + 0.1 * g;
        s[1] = 0.999 * s[1] + 0.001 * g * g;
        double mHat = s[0] / (1 - Math.pow(0.9, t));
        double vHat = s[1] / (1 - Math.pow(0.999, t));
        return w - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
    }

    private static void assertMatches(Supplier<Optimizer> make, Rule rule) {
        Optimizer optimizer = make.get();
        Parameter w = Parameter.of("w", Nd4j.createFromArray(W0.clone()).reshape(1, 3));
        double[] expected = W0.clone();
        double[][] state = new double[3][4];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 3; i++) {
                w.gradient().putScalar(i, A[i] * (w.value().getDouble(i) - C[i]));
                expected[i] = rule.apply(expected[i], A[i] * (expected[i] - C[i]), t, state[i]);
            }
            optimizer.step(List.of(w));
            assertArrayEquals(expected, w.value().toDoubleVector(), 1e-6, "after step " + t);
        }
    }
}
