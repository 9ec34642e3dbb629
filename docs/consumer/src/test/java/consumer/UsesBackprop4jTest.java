package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Compiles and runs against the installed backprop4j jars, as a user's project would. */
class UsesBackprop4jTest {

    @Test
    void buildsARunsAndChecksANetwork() {
        Sequential model = Sequential.of(new Dense(4, 8, WeightInit.HE_NORMAL, DataType.DOUBLE), new Tanh(),
                new Dense(8, 3, WeightInit.XAVIER_NORMAL, DataType.DOUBLE));
        INDArray x = GradientChecks.gaussian(new Rng(1), 5, 4);
        assertEquals(3, model.predict(x).columns());
        assertTrue(GradientChecks.layer(model, x, 2).maxRelativeError() < 1e-6);
    }
}
