package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.Sigmoid;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.models.Models;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    @Test
    void backwardParametersGivesTheParameterGradientsOfTheFullBackwardPass() {
        for (Sequential model : List.of(Models.mlp(12, new int[] {7, 5}, Tanh::new, 3),
                Sequential.of(new Reshape(1, 5, 5), new Conv2d(1, 2, 3, 1, 1, true, WeightInit.HE_NORMAL,
                        DataType.FLOAT), new ReLU(), new Flatten(), new Dense(50, 3)))) {
            model.initialize(2);
            INDArray x = GradientChecks.gaussian(new Rng(1), 4, model.layers().get(0) instanceof Reshape ? 25 : 12)
                    .castTo(DataType.FLOAT);
            INDArray gradOut = model.forward(x, true).ulike().assign(GradientChecks.gaussian(new Rng(2), 4, 3));
            model.zeroGradients();
            model.backward(gradOut);
            List<INDArray> full = model.parameters().stream().map(p -> p.gradient().dup()).toList();
            model.zeroGradients();
            model.backwardParameters(gradOut);
            for (int i = 0; i < full.size(); i++) {
                assertEquals(full.get(i), model.parameters().get(i).gradient(), model.parameters().get(i).name());
            }
        }
    }

    /** Right after a zeroing the first pass overwrites the stale memory; a second pass adds to it. */
    @Test
    void gradientsOfTwoBackwardPassesAdd() {
        Sequential model = Models.mlp(6, new int[] {5}, Tanh::new, 3).initialize(3);
        INDArray x = GradientChecks.gaussian(new Rng(4), 4, 6).castTo(DataType.FLOAT);
        INDArray first = GradientChecks.gaussian(new Rng(5), 4, 3).castTo(DataType.FLOAT);
        INDArray second = GradientChecks.gaussian(new Rng(6), 4, 3).castTo(DataType.FLOAT);
        model.forward(x, true);
        model.parameters().forEach(p -> p.gradient().assign(100));
        model.zeroGradients();
        model.backward(first.add(second));
        List<INDArray> sum = model.parameters().stream().map(p -> p.gradient().dup()).toList();
        model.zeroGradients();
        model.backward(first);
        model.backward(second);
        for (int i = 0; i < sum.size(); i++) {
            INDArray twoPasses = model.parameters().get(i).gradient();
            assertEquals(0, sum.get(i).sub(twoPasses).amaxNumber().doubleValue(), 1e-5,
                    model.parameters().get(i).name());
        }
    }

    private static INDArray input(int batch, int features) {
        return GradientChecks.gaussian(new Rng(batch * 100L + features), batch, features);
    }

    private static void assertChecks(Layer layer, INDArray x) {
        GradientCheck.Result result = GradientChecks.layer(layer, x, 11);
        assertTrue(result.maxRelativeError() < 1e-6, layer.name() + ": " + result);
    }
}
