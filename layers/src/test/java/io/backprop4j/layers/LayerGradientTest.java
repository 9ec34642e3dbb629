package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Tanh;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Layers with parameters: ∂J/∂x and every ∂J/∂θ against central differences, float64. */
class LayerGradientTest {

    @ParameterizedTest(name = "Dense {1}→{2}, batch {0}")
    @CsvSource({"1, 3, 2", "5, 4, 3", "8, 7, 11"})
    void dense(int batch, int in, int out) {
        Dense dense = new Dense(in, out, WeightInit.XAVIER_NORMAL, DataType.DOUBLE);
        dense.bias().value().assign(GradientChecks.gaussian(new Rng(3), 1, out));
        assertChecks(dense, input(batch, in));
    }

    @ParameterizedTest(name = "Maxout {1}→{2} with {3} pieces, batch {0}")
    @CsvSource({"4, 3, 2, 2", "6, 5, 4, 3"})
    void maxout(int batch, int in, int out, int pieces) {
        assertChecks(new Maxout(in, out, pieces, DataType.DOUBLE), input(batch, in));
    }

    @ParameterizedTest(name = "Sequential, batch {0}")
    @CsvSource({"3", "10"})
    void sequentialChainsTheLayers(int batch) {
        Sequential model = Sequential.of(new Dense(5, 6, WeightInit.HE_NORMAL, DataType.DOUBLE), new Tanh(),
                new Dense(6, 4, WeightInit.XAVIER_NORMAL, DataType.DOUBLE), new Sigmoid(),
                new Dense(4, 3, WeightInit.XAVIER_NORMAL, DataType.DOUBLE));
        assertChecks(model, input(batch, 5));
    }

    private static INDArray input(int batch, int features) {
        return GradientChecks.gaussian(new Rng(batch * 100L + features), batch, features);
    }

    private static void assertChecks(Layer layer, INDArray x) {
        GradientCheck.Result result = GradientChecks.layer(layer, x, 11);
        assertTrue(result.maxRelativeError() < 1e-6, layer.name() + ": " + result);
    }
}
