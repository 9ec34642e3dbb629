package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backprop4j.layers.activations.Activation;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** HardTanh and HardSigmoid exactly as PyTorch computes them, at tiny inputs and one ulp either side of each kink. */
class HardActivationsTest {

    private static float[] forward(Activation f, float... s) {
        return f.forward(Nd4j.createFromArray(s).reshape(1, s.length), false).reshape(s.length).toFloatVector();
    }

    private static float[] gradient(Activation f, float... s) {
        INDArray x = Nd4j.createFromArray(s).reshape(1, s.length);
        f.forward(x, true);
        return f.backward(Nd4j.onesLike(x)).reshape(s.length).toFloatVector();
    }

    @Test
    void hardTanhIsExactInsideAndPassesTheGradientUpToTheKinks() {
        float below = Math.nextDown(1f);
        float[] y = forward(new HardTanh(), 1e-30f, -2.63e-5f, below, 1f, Math.nextUp(1f), 1e30f, -7f);
        assertEquals(1e-30f, y[0]);
        assertEquals(-2.63e-5f, y[1]);
        assertEquals(below, y[2]);
        assertEquals(1f, y[3]);
        assertEquals(1f, y[5]);
        assertEquals(-1f, y[6]);
        float[] g = gradient(new HardTanh(), below, -below, 1f, Math.nextUp(1f), 0f);
        assertEquals(1f, g[0]);
        assertEquals(1f, g[1]);
        assertEquals(0f, g[2]);
        assertEquals(0f, g[3]);
        assertEquals(1f, g[4]);
    }

    @Test
    void hardSigmoidFollowsPyTorchsFormulaAndGradientAtTheKinks() {
        float three = 3f;
        float below = Math.nextDown(three);
        float[] y = forward(new HardSigmoid(), -below, 0f, 1.2f, three, -three);
        assertEquals((-below + 3f) / 6f, y[0]);
        assertEquals(0.5f, y[1]);
        assertEquals((1.2f + 3f) / 6f, y[2]);
        assertEquals(1f, y[3]);
        assertEquals(0f, y[4]);
        float[] g = gradient(new HardSigmoid(), below, -below, three, -three);
        assertEquals(1f / 6f, g[0], 1e-8);
        assertEquals(1f / 6f, g[1], 1e-8);
        assertEquals(0f, g[2]);
        assertEquals(0f, g[3]);
    }
}
