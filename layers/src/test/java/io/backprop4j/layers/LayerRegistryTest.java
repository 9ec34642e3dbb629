package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Rng;
import io.backprop4j.layers.io.ModelFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Each layer's factory lives with its class: the library's are found by name, one's own joins by its class. */
public class LayerRegistryTest {

    @TempDir
    Path folder;

    /**
     * A layer of one's own, whole in this one file: y = c·x with its backward pass, its saved name and factory
     * ({@code TYPE}, or its fromConfig found by {@code register(Scale.class)}), and its ONNX form.
     */
    public static final class Scale implements Layer, OnnxExportable {

        public static final LayerType TYPE = LayerType.of("Scale", Scale.class, Scale::fromConfig);

        private final double c;

        public Scale(double c) {
            this.c = c;
        }

        public static Scale fromConfig(LayerConfig config) {
            return new Scale(config.real("c"));
        }

        @Override
        public INDArray forward(INDArray x, boolean training) {
            return x.mul(c);
        }

        @Override
        public INDArray backward(INDArray gradOut) {
            return gradOut.mul(c);
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("c", c);
        }

        @Override
        public String toOnnx(OnnxBuilder onnx, String x) {
            return onnx.node("Mul", x, onnx.scalar(c));
        }
    }

    /** A layer with neither a fromConfig nor a constructor without arguments. */
    public static final class Unbuildable implements Layer {

        public Unbuildable(int size) {
        }

        @Override
        public INDArray forward(INDArray x, boolean training) {
            return x;
        }

        @Override
        public INDArray backward(INDArray gradOut) {
            return gradOut;
        }
    }

    @Test
    void theLibrarysLayersAreBuiltByTheFactoryBesideTheirClass() {
        Layer dense = LayerRegistry.create(new LayerConfig("Dense", Map.of("in", 3, "out", 2, "init", "ZEROS"),
                DataType.DOUBLE));
        assertEquals("Dense(3→2)", dense.name());
        assertEquals(DataType.DOUBLE, dense.parameters().get(0).value().dataType());
        assertEquals("Tanh", LayerRegistry.create(new LayerConfig("Tanh", Map.of(), DataType.FLOAT)).name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.create(new LayerConfig("Activation", Map.of(), DataType.FLOAT)));
        assertTrue(unknown.getMessage().contains("Unknown layer type 'Activation'"), unknown.getMessage());
    }

    @Test
    void aLayerOfOnesOwnSavesAndLoadsOnceItsClassIsRegistered() throws Exception {
        Sequential model = Sequential.of(new Dense(2, 2), new Scale(3)).initialize(1);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.typeOf(new Unbuildable(1)));
        assertTrue(refused.getMessage().contains("LayerRegistry.register(Unbuildable.class)"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LayerRegistry.register(Unbuildable.class));
        LayerRegistry.register(Scale.class);
        Path file = folder.resolve("scaled.zip");
        ModelFile.save(model, file);
        Sequential loaded = ModelFile.load(file).model();
        INDArray x = GradientChecks.gaussian(new Rng(2), 4, 2).castTo(DataType.FLOAT);
        assertEquals(model.forward(x, false), loaded.forward(x, false));
    }
}
