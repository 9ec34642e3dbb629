package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.GradientCheck;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.io.ModelFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Sequential inside Sequential and residual blocks: the chain rule through both, names, and model files. */
class CompositeTest {

    private static Dense dense(int in, int out) {
        return new Dense(in, out, WeightInit.XAVIER_NORMAL, DataType.DOUBLE);
    }

    private static Sequential model() {
        Sequential block = Sequential.of(dense(6, 6), new Tanh(), dense(6, 6));
        return Sequential.of(dense(4, 6), new Residual(block), new Tanh(),
                new Residual(Sequential.of(dense(6, 3), new Tanh()), dense(6, 3)),
                new BatchNorm(3, 1e-5, 0.1, DataType.DOUBLE)).initialize(5);
    }

    @Test
    void gradientsThroughResidualBlocksAndNestedSequentialsMatchFiniteDifferences() {
        INDArray x = GradientChecks.gaussian(new Rng(1), 5, 4);
        GradientCheck.Result check = GradientChecks.layer(model(), x, 2);
        assertTrue(check.maxRelativeError() < 1e-6, check.toString());
    }

    @Test
    void parametersAreNamedByTheirPlaceInTheComposite() {
        List<String> names = model().parameters().stream().map(p -> p.name()).toList();
        assertTrue(names.contains("1.body.0.weights") && names.contains("3.projection.bias")
                && names.contains("3.body.0.weights"), names.toString());
        assertTrue(model().buffers().containsKey("4.runningMean"));
    }

    @Test
    void aModelOfCompositesSavesAndLoadsWithBitIdenticalOutputs(@TempDir Path directory) throws Exception {
        Sequential model = model();
        INDArray x = GradientChecks.gaussian(new Rng(3), 7, 4);
        model.forward(x, true);
        Path file = directory.resolve("composite.zip");
        ModelFile.save(model, file);
        Sequential loaded = ModelFile.load(file).model();
        assertEquals(model.name(), loaded.name());
        assertEquals(Model.of(model).predict(x), Model.of(loaded).predict(x));
    }

    @Test
    void aBodyThatChangesTheShapeNeedsAProjection() {
        Residual residual = new Residual(dense(4, 3));
        String message = assertThrows(IllegalArgumentException.class,
                () -> residual.forward(GradientChecks.gaussian(new Rng(1), 2, 4), false)).getMessage();
        assertTrue(message.contains("Residual(Dense(4→3))") && message.contains("[2, 3]") && message.contains("[2, 4]"),
                message);
    }
}
