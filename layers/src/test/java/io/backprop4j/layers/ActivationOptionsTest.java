package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.io.ModelFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PyTorch's options a port needs: Softplus(beta, threshold) and GELU(approximate="tanh"). */
class ActivationOptionsTest {

    @Test
    void softplusWithBetaAndThresholdAsPyTorch() {
        double beta = 2;
        double[] s = {-3, -0.4, 0.5, 1.4, 1.6, 10};
        INDArray y = new Softplus(beta, 3).forward(Nd4j.createFromArray(new double[][] {s}), false);
        for (int i = 0; i < s.length; i++) {
            double expected = beta * s[i] > 3 ? s[i] : Math.log1p(Math.exp(beta * s[i])) / beta;
            assertEquals(expected, y.getDouble(0, i), 1e-15 * Math.max(1, Math.abs(expected)), "s = " + s[i]);
        }
        assertEquals(10.0, y.getDouble(0, 5), 0, "above the threshold it is s itself");
        GradientCheck.Result check = GradientChecks.layer(new Softplus(beta, 3),
                GradientChecks.gaussian(new Rng(1), 4, 5), 2);
        assertTrue(check.maxRelativeError() < 1e-6, check.toString());
    }

    @Test
    void geluWithTheTanhApproximationAsPyTorch() {
        double[] s = {-2, -0.3, 0, 0.7, 3};
        INDArray y = new GELU(true).forward(Nd4j.createFromArray(new double[][] {s}), false);
        for (int i = 0; i < s.length; i++) {
            double inner = Math.sqrt(2 / Math.PI) * (s[i] + 0.044715 * Math.pow(s[i], 3));
            assertEquals(0.5 * s[i] * (1 + Math.tanh(inner)), y.getDouble(0, i), 1e-14, "s = " + s[i]);
        }
        GradientCheck.Result check = GradientChecks.layer(new GELU(true), GradientChecks.gaussian(new Rng(2), 4, 5), 3);
        assertTrue(check.maxRelativeError() < 1e-6, check.toString());
    }

    @Test
    void theOptionsAreSavedWithTheModel(@TempDir Path directory) throws Exception {
        Sequential model = Sequential.of(new Dense(3, 4), new Softplus(2, 5), new GELU(true), new GELU());
        ModelFile.save(model, directory.resolve("m.zip"));
        assertEquals(model.name(), ModelFile.load(directory.resolve("m.zip")).model().name());
    }
}
