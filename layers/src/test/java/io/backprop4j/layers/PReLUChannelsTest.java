package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.activations.PReLU;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** PReLU with one slope per channel of NCHW images, as PyTorch's {@code nn.PReLU(C)} after a convolution. */
class PReLUChannelsTest {

    @Test
    void eachChannelHasItsOwnSlopeAndTheGradientsMatchFiniteDifferences() {
        PReLU prelu = new PReLU(3, DataType.DOUBLE);
        prelu.parameters().get(0).value().putScalar(0, 1, 0.5);
        INDArray x = GradientChecks.gaussian(new Rng(4), 2, 3, 4, 4);
        INDArray y = prelu.forward(x, false);
        for (int c = 0; c < 3; c++) {
            double s = x.getDouble(1, c, 2, 3);
            double alpha = c == 1 ? 0.5 : 0.25;
            assertEquals(s > 0 ? s : alpha * s, y.getDouble(1, c, 2, 3), 1e-15, "channel " + c);
        }
        GradientCheck.Result check = GradientChecks.layer(new PReLU(3, DataType.DOUBLE), x, 5);
        assertTrue(check.maxRelativeError() < 1e-6, check.toString());
        GradientCheck.Result shared = GradientChecks.layer(new PReLU(0, DataType.DOUBLE), x, 6);
        assertTrue(shared.maxRelativeError() < 1e-6, shared.toString());
    }
}
