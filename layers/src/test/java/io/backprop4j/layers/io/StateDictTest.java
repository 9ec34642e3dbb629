package io.backprop4j.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Archive;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Npy;
import io.backprop4j.core.data.NumpyData;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Normalization;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.models.Models;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch weights in and out, against PyTorch itself: the fixtures are the state_dicts, inputs and eval-mode
 * outputs of PyTorch's MNIST-example CNN and of an MLP with BatchNorm (docs/tools/pytorch_state_dict.py).
 */
class StateDictTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "pytorch");

    private static void assertSameOutputs(Sequential model, String name) throws Exception {
        StateDict.load(model, FIXTURES.resolve(name + "-state.npz"));
        Map<String, INDArray> io = NumpyData.readNpz(FIXTURES.resolve(name + "-io.npz"));
        INDArray ours = Model.of(model).predict(io.get("x").castTo(DataType.FLOAT));
        double difference = ours.sub(io.get("y")).amaxNumber().doubleValue();
        assertTrue(difference < 1e-5, name + ": outputs differ from PyTorch's by " + difference);
    }

    private static Sequential mlp() {
        return Sequential.of(new Dense(784, 32), new BatchNorm(32), new ReLU(), new Dense(32, 10));
    }

    @Test
    void pyTorchsMnistExampleCnnGivesPyTorchsOutputs() throws Exception {
        assertSameOutputs(Models.cnn(10), "cnn");
    }

    @Test
    void anMlpWithBatchNormGivesPyTorchsOutputs() throws Exception {
        assertSameOutputs(mlp(), "mlp");
    }

    /** The PyTorch MLP's weights, loaded into {@code model} and exported again to {@code directory}. */
    private static Path exported(Sequential model, Path directory) throws Exception {
        StateDict.load(model, FIXTURES.resolve("mlp-state.npz"));
        Path exported = directory.resolve("exported.npz");
        StateDict.save(model, exported);
        return exported;
    }

    @Test
    void anExportLoadsBackWithTheSameOutputs(@TempDir Path directory) throws Exception {
        Sequential model = mlp();
        Path exported = exported(model, directory);
        Map<String, INDArray> arrays = NumpyData.readNpz(exported);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "3.weight", "3.bias"), List.copyOf(arrays.keySet()));
        assertEquals(32, arrays.get("0.weight").size(0), "nn.Linear's [out, in]");
        Sequential copy = mlp();
        StateDict.load(copy, exported);
        INDArray x = NumpyData.readNpz(FIXTURES.resolve("mlp-io.npz")).get("x").castTo(DataType.FLOAT);
        assertEquals(Model.of(model).predict(x), Model.of(copy).predict(x));
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedNamingTheLayer() {
        Sequential other = Sequential.of(new Dense(784, 16), new BatchNorm(16), new ReLU(), new Dense(16, 10));
        String message = assertThrows(FileFormatException.class,
                () -> StateDict.load(other, FIXTURES.resolve("mlp-state.npz"))).getMessage();
        assertTrue(message.contains("Dense(784→16)") && message.contains("[16, 784]")
                && message.contains("[32, 784]"), message);
    }

    @Test
    void aNormalizationBeforeADenseIsFoldedIntoItAndAnyOtherIsRefusedByName(@TempDir Path directory)
            throws IOException {
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3).muli(255);
        Sequential scaled = Sequential.of(Normalization.standardizing(x), new Dense(3, 4), new ReLU(),
                new Dense(4, 2)).initialize(1);
        Path file = directory.resolve("w.npz");
        StateDict.save(scaled, file);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(NumpyData.readNpz(file).keySet()),
                "numbered as nn.Sequential(Linear, ReLU, Linear) numbers them");
        Sequential raw = Sequential.of(new Dense(3, 4), new ReLU(), new Dense(4, 2));
        StateDict.load(raw, file);
        INDArray expected = Model.of(scaled).predict(x);
        INDArray actual = Model.of(raw).predict(x);
        assertTrue(expected.sub(actual).amaxNumber().doubleValue() < 1e-4 * (1 + expected.amaxNumber().doubleValue()),
                expected + " against " + actual);

        Sequential unfoldable = Sequential.of(Normalization.rescaling(x), new ReLU(), new Dense(3, 2)).initialize(1);
        String message = assertThrows(IllegalArgumentException.class,
                () -> StateDict.save(unfoldable, directory.resolve("u.npz"))).getMessage();
        assertTrue(message.contains("Normalization(3) has no PyTorch counterpart") && message.contains("ONNX"),
                message);
    }

    @Test
    void aFileWithNonFiniteWeightsOrANegativeVarianceChangesNoWeight(@TempDir Path directory) throws Exception {
        Map<String, INDArray> arrays = NumpyData.readNpz(exported(mlp(), directory));
        for (String broken : List.of("3.bias", "1.running_var")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                INDArray value = entry.getValue().dup();
                if (entry.getKey().equals(broken)) {
                    value.putScalar(0, broken.endsWith("var") ? -1 : Double.NaN);
                }
                entries.put(entry.getKey() + ".npy", Npy.toBytes(value));
            }
            Path file = directory.resolve("broken.npz");
            Archive.write(file, entries);
            Sequential fresh = mlp();
            INDArray before = fresh.parameters().get(0).value().dup();
            String message = assertThrows(FileFormatException.class, () -> StateDict.load(fresh, file)).getMessage();
            assertTrue(message.contains(broken.endsWith("var") ? "negative variance" : "NaN"), message);
            assertEquals(before, fresh.parameters().get(0).value(), "layer 0 untouched");
        }
    }
}
