package io.backprop4j.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Archive;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.Flatten;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Maxout;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Reshape;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ELU;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.LeakyReLU;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.SELU;
import io.backprop4j.layers.activations.Softmax;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.conv.AvgPool2d;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.conv.MaxPool2d;
import io.backprop4j.layers.models.Models;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFileTest {

    @TempDir
    Path directory;

    private static Sequential everyKindOfLayer(DataType type) {
        Rng.seed(5);
        Sequential model = Sequential.of(new Dense(6, 8, WeightInit.HE_NORMAL, type), new PReLU(8, type),
                new Maxout(8, 5, 3, type), new LeakyReLU(0.2), new Dense(5, 5, WeightInit.LECUN_UNIFORM, type),
                new ELU(0.7), new PReLU(0, type), new SELU(), new GELU(), new Tanh(), new Dense(5, 4, WeightInit.XAVIER_NORMAL, type),
                new Softmax());
        Rng rng = new Rng(11);
        for (var p : model.parameters()) {
            p.value().assign(Nd4j.randn(rng.nextInt(1000), p.value().shape()).castTo(type));
        }
        return model;
    }

    @Test
    void aLoadedModelGivesBitIdenticalOutputsInFloat32AndFloat64() throws IOException {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Sequential model = everyKindOfLayer(type);
            INDArray x = Nd4j.rand(type, 7, 6).subi(0.5).muli(4);
            Path file = directory.resolve("model-" + type + ".zip");
            ModelFile.save(model, Map.of("classNames", List.of("a", "b", "c", "d")), file);

            ModelFile.Saved loaded = ModelFile.load(file);
            assertEquals(model.name(), loaded.model().name());
            assertEquals(List.of("a", "b", "c", "d"), loaded.metadata().get("classNames"));
            assertEquals(Model.of(model).predict(x), Model.of(loaded.model()).predict(x));
            assertArrayEquals(Model.of(model).predict(x).data().asDouble(), Model.of(loaded.model()).predict(x).data().asDouble());
        }
    }

    @Test
    void convolutionalLayersAndBatchNormStatisticsSurviveSaveAndLoad() throws IOException {
        Sequential model = Sequential.of(new Reshape(1, 6, 6),
                new Conv2d(1, 3, 3, 1, 1, false, WeightInit.HE_UNIFORM, DataType.FLOAT), new BatchNorm(3),
                new ReLU(), new AvgPool2d(2), new Conv2d(3, 2, 2), new MaxPool2d(2, 1, 0), new Dropout(0.4),
                new Flatten(), new Dense(2, 5), new BatchNorm(5), new Dense(5, 2));
        model.initialize(4);
        for (int step = 0; step < 3; step++) {
            model.forward(Nd4j.rand(DataType.FLOAT, 16, 36).muli(step + 1), true);
        }
        Path file = directory.resolve("cnn.zip");
        ModelFile.save(model, file);

        Sequential loaded = ModelFile.load(file).model();
        assertEquals(model.name(), loaded.name());
        assertEquals(List.of("2.runningMean", "2.runningVariance", "10.runningMean", "10.runningVariance"),
                List.copyOf(loaded.buffers().keySet()));
        model.buffers().forEach((name, value) -> assertEquals(value, loaded.buffers().get(name), name));
        assertTrue(model.buffers().get("2.runningVariance").sub(1).amaxNumber().doubleValue() > 0.01,
                "the running statistics moved away from their initial values");
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 36);
        assertArrayEquals(Model.of(model).predict(x).data().asDouble(), Model.of(loaded).predict(x).data().asDouble());
    }

    @Test
    void refusesAFileWithoutTheBatchNormStatistics() throws IOException {
        Path file = directory.resolve("bn.zip");
        ModelFile.save(Sequential.of(new Dense(3, 4), new BatchNorm(4)), file);
        Map<String, byte[]> entries = new LinkedHashMap<>(Archive.read(file));
        entries.remove("buffers/1.runningVariance.npy");
        Archive.write(file, entries);
        assertTrue(assertThrows(FileFormatException.class, () -> ModelFile.load(file)).getMessage()
                .contains("buffer 1.runningVariance of the architecture is missing"));
    }

    @Test
    void theManifestIsReadableJsonAndParametersAreNpyEntries() throws IOException {
        Path file = directory.resolve("mlp.zip");
        ModelFile.save(Models.mlp(784, new int[] {256, 128}, ReLU::new, 10), file);
        Map<String, byte[]> entries = Archive.read(file);
        assertEquals(List.of("model.json", "parameters/0.weights.npy", "parameters/0.bias.npy",
                "parameters/2.weights.npy", "parameters/2.bias.npy", "parameters/4.weights.npy",
                "parameters/4.bias.npy"), List.copyOf(entries.keySet()));
        String manifest = new String(entries.get("model.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"type\" : \"Dense\"") && manifest.contains("\"init\" : \"HE_NORMAL\"")
                && manifest.contains("\"0.weights\" : [ 784, 256 ]"), manifest);
        String npyHeader = new String(entries.get("parameters/0.weights.npy"), 0, 128, StandardCharsets.ISO_8859_1);
        assertTrue(npyHeader.contains("{'descr': '<f4', 'fortran_order': False, 'shape': (784, 256), }"), npyHeader);
    }

    @Test
    void refusesParametersOfAnotherArchitectureBeforeSettingAnyWeight() throws IOException {
        Path small = directory.resolve("small.zip");
        Path large = directory.resolve("large.zip");
        ModelFile.save(Models.mlp(4, new int[] {3}, ReLU::new, 2), small);
        ModelFile.save(Models.mlp(4, new int[] {5}, ReLU::new, 2), large);
        Map<String, byte[]> mixed = new LinkedHashMap<>(Archive.read(small));
        Archive.read(large).forEach((name, bytes) -> {
            if (!name.equals("model.json")) {
                mixed.put(name, bytes);
            }
        });
        Path file = directory.resolve("mixed.zip");
        Archive.write(file, mixed);
        FileFormatException error = assertThrows(FileFormatException.class, () -> ModelFile.load(file));
        assertTrue(error.getMessage().contains("parameter 0.weights is FLOAT[4, 5] in the file but the architecture "
                + "needs FLOAT[4, 3]"), error.getMessage());
    }

    @Test
    void refusesAFileWithMissingOrExtraParameters() throws IOException {
        Path file = directory.resolve("m.zip");
        ModelFile.save(Models.mlp(4, new int[] {3}, ReLU::new, 2), file);
        Map<String, byte[]> entries = new LinkedHashMap<>(Archive.read(file));
        entries.remove("parameters/2.bias.npy");
        Archive.write(file, entries);
        assertTrue(assertThrows(FileFormatException.class, () -> ModelFile.load(file)).getMessage()
                .contains("parameter 2.bias of the architecture is missing"));
    }

    @Test
    void refusesFilesThatAreNotModels() throws IOException {
        Path empty = Files.write(directory.resolve("empty.zip"), new byte[0]);
        Path idx = Files.write(directory.resolve("labels.idx"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7});
        Path otherZip = directory.resolve("other.zip");
        Archive.write(otherZip, Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        Path saved = directory.resolve("ok.zip");
        ModelFile.save(Models.mlp(4, new int[] {3}, ReLU::new, 2), saved);
        byte[] whole = Files.readAllBytes(saved);
        Path truncated = Files.write(directory.resolve("cut.zip"), Arrays.copyOf(whole, whole.length - 40));

        assertMessage(empty, "not a zip archive");
        assertMessage(idx, "not a zip archive");
        assertMessage(otherZip, "no model.json inside; not a backprop4j model file (it holds [readme.txt])");
        assertMessage(truncated, "not a zip archive, or a damaged or truncated one");
    }

    @Test
    void refusesUnknownLayerTypesAndBadConfigurationsNamingTheLayer() throws IOException {
        Path file = directory.resolve("m.zip");
        ModelFile.save(Models.mlp(4, new int[] {3}, ReLU::new, 2), file);
        Map<String, byte[]> entries = new LinkedHashMap<>(Archive.read(file));
        String manifest = new String(entries.get("model.json"), StandardCharsets.UTF_8);
        entries.put("model.json", manifest.replace("\"ReLU\"", "\"Swish9\"").getBytes(StandardCharsets.UTF_8));
        Archive.write(file, entries);
        assertMessage(file, "layer 1 (Swish9) cannot be built: Unknown layer type 'Swish9'");

        entries.put("model.json", manifest.replace("\"out\" : 3", "\"out\" : \"three\"").getBytes(StandardCharsets.UTF_8));
        Archive.write(file, entries);
        assertMessage(file, "layer 0 (Dense) cannot be built: Dense: configuration 'out' should be an integer, got three");
    }

    @Test
    void refusesToSaveALayerTypeThatCouldNotBeLoaded() {
        Sequential model = Sequential.of(new Dense(2, 2), new Layer() {
            @Override
            public INDArray forward(INDArray x, boolean training) {
                return x;
            }

            @Override
            public INDArray backward(INDArray gradOut) {
                return gradOut;
            }
        });
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(model, directory.resolve("x.zip")));
        assertTrue(error.getMessage().contains("is not registered"), error.getMessage());
        assertEquals(0, directory.toFile().list().length, "nothing is written");
    }

    private static void assertMessage(Path file, String expected) {
        FileFormatException error = assertThrows(FileFormatException.class, () -> ModelFile.load(file));
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains(expected),
                error.getMessage());
    }
}
