package io.backprop4j.layers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.backprop4j.core.Rng;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.Flatten;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.LayerRegistry;
import io.backprop4j.layers.LayerRegistryTest.Scale;
import io.backprop4j.layers.Maxout;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Normalization;
import io.backprop4j.layers.Residual;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.activations.GELU;
import io.backprop4j.layers.activations.HardSigmoid;
import io.backprop4j.layers.activations.HardTanh;
import io.backprop4j.layers.activations.Identity;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.activations.Sign;
import io.backprop4j.layers.activations.Softmax;
import io.backprop4j.layers.activations.Softplus;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.conv.AvgPool2d;
import io.backprop4j.layers.conv.Conv2d;
import io.backprop4j.layers.conv.MaxPool2d;
import io.backprop4j.layers.models.Models;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ONNX export checked by ONNX Runtime: the runtime's outputs equal backprop4j's inference outputs. */
class OnnxExportTest {

    @TempDir
    Path folder;

    /** Exports {@code model}, runs {@code x} through ONNX Runtime, returns the largest |ONNX − backprop4j|. */
    private double difference(Layer model, INDArray x) throws Exception {
        Path file = folder.resolve("model.onnx");
        ModelFile.exportOnnx(model, file);
        INDArray expected = model.forward(x, false).dup();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(file), new OrtSession.SessionOptions());
                OnnxTensor input = x.dataType() == DataType.DOUBLE
                        ? OnnxTensor.createTensor(env, DoubleBuffer.wrap(flat(x).toDoubleVector()), x.shape())
                        : OnnxTensor.createTensor(env, FloatBuffer.wrap(flat(x).toFloatVector()), x.shape());
                OrtSession.Result result = session.run(Map.of("x", input))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            assertEquals(List.of(expected.shape()[0], expected.length() / expected.shape()[0]),
                    List.of(output.getInfo().getShape()[0], expected.length() / output.getInfo().getShape()[0]));
            double[] actual;
            if (x.dataType() == DataType.DOUBLE) {
                actual = new double[(int) expected.length()];
                output.getDoubleBuffer().get(actual);
            } else {
                float[] floats = new float[(int) expected.length()];
                output.getFloatBuffer().get(floats);
                actual = new double[floats.length];
                for (int i = 0; i < floats.length; i++) {
                    actual[i] = floats[i];
                }
            }
            double[] wanted = flat(expected).toDoubleVector();
            double largest = 0;
            for (int i = 0; i < wanted.length; i++) {
                largest = Math.max(largest, Math.abs(wanted[i] - actual[i]));
            }
            return largest;
        }
    }

    private static INDArray flat(INDArray x) {
        return x.dup('c').reshape(x.length());
    }

    private static INDArray pixels(long seed, long... shape) {
        return GradientChecks.gaussian(new Rng(seed), shape).castTo(DataType.FLOAT).muli(0.3).addi(0.5);
    }

    @Test
    void aLayerOfOnesOwnSavesLoadsAndExportsFromItsOwnFile() throws Exception {
        LayerRegistry.register(Scale.TYPE);   // Scale is whole in its one file: layer, saved name, ONNX form
        Sequential model = Sequential.of(new Dense(3, 4), new Scale(2.5), new Tanh()).initialize(4);
        INDArray x = pixels(5, 1, 3);
        Path file = folder.resolve("scaled.zip");
        ModelFile.save(model, file);
        Sequential loaded = ModelFile.load(file).model();
        assertEquals(model.forward(x, false), loaded.forward(x, false));
        assertTrue(loaded.layers().get(1) instanceof Scale);
        assertTrue(difference(loaded, x) < 1e-6);
    }

    @Test
    void theFashionMnistMlpAndCnnsGiveOnnxRuntimesOutputs() throws Exception {
        Sequential mlp = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10).initialize(1);
        assertTrue(difference(mlp, pixels(2, 64, 784)) < 1e-5);
        Sequential cnn = Models.cnn(10).initialize(3);
        assertTrue(difference(cnn, pixels(4, 8, 784)) < 1e-5);
        Sequential bnCnn = Models.bnCnn(10).initialize(5);
        assertEquals(468_010, Model.of(bnCnn).parameterCount());
        assertTrue(difference(bnCnn, pixels(4, 8, 784)) < 1e-4);
    }

    @Test
    void everyActivationHasItsOnnxOperatorInFloat32AndFloat64() throws Exception {
        List<String> noDoubleKernel = new ArrayList<>();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            List<Layer> activations = new ArrayList<>();
            for (ActivationName name : ActivationName.values()) {
                activations.add(name == ActivationName.PRELU ? new PReLU(0, type) : name.create());
            }
            activations.addAll(List.of(new GELU(true), new Softplus(2, 20), new HardTanh(), new HardSigmoid(),
                    new Sign(), new Identity(), new Softmax(), new LogSoftmax(), new PReLU(7, type)));
            for (Layer activation : activations) {
                Sequential model = Sequential.of(new Dense(5, 7, WeightInit.XAVIER_UNIFORM, type),
                        activation).initialize(5);
                INDArray x = GradientChecks.gaussian(new Rng(6), 16, 5).castTo(type).muli(3);
                // ONNX Runtime's float64 Gelu(tanh) uses float32 constants (ours is within 3e-16 of the formula)
                boolean ortFloatConstants = activation.name().equals("GELU(tanh)");
                double tolerance = type == DataType.FLOAT ? 1e-5 : ortFloatConstants ? 1e-8 : 1e-12;
                try {
                    double difference = difference(model, x);
                    assertTrue(difference < tolerance, activation.name() + " " + type + " differs by " + difference);
                } catch (OrtException e) {
                    // ONNX Runtime's CPU kernels of some operators are float32 only: the model is valid ONNX
                    if (type != DataType.DOUBLE || e.getCode() != OrtException.OrtErrorCode.ORT_NOT_IMPLEMENTED) {
                        throw e;
                    }
                    noDoubleKernel.add(activation.name());
                }
            }
        }
        // ONNX Runtime 1.23's CPU kernels run 9 of these in float64; the others are checked in float32 only
        assertEquals(12, noDoubleKernel.size(), "float64 not run for " + noDoubleKernel);
    }

    @Test
    void convolutionPoolingBatchNormNormalizationAndResidualBlocks() throws Exception {
        BatchNorm images = new BatchNorm(4);
        BatchNorm rows = new BatchNorm(12);
        Sequential model = Sequential.of(
                new Conv2d(3, 4, 3, 1, 1, true, WeightInit.LECUN_UNIFORM, DataType.FLOAT), images, new PReLU(4), new MaxPool2d(2), new AvgPool2d(3, 1, 1),
                new Residual(Sequential.of(new Conv2d(4, 4, 3, 1, 1, true, WeightInit.LECUN_UNIFORM, DataType.FLOAT), new Tanh())), new Flatten(),
                new Dropout(0.5), new Dense(64, 12), rows,
                new Residual(Sequential.of(new Dense(12, 6), new ReLU()), new Dense(12, 6))).initialize(7);
        // give both BatchNorms running statistics of their own before exporting
        for (int i = 0; i < 5; i++) {
            model.forward(GradientChecks.gaussian(new Rng(20 + i), 10, 3, 8, 8).castTo(DataType.FLOAT).muli(2), true);
        }
        INDArray x = GradientChecks.gaussian(new Rng(8), 6, 3, 8, 8).castTo(DataType.FLOAT);
        assertTrue(difference(model, x) < 1e-5);

        INDArray data = GradientChecks.gaussian(new Rng(9), 50, 4).castTo(DataType.FLOAT).muli(5).addi(2);
        Sequential scaled = Sequential.of(Normalization.standardizing(data), new Dense(4, 3)).initialize(10);
        assertTrue(difference(scaled, data) < 1e-5);
    }

    @Test
    void aLayerWithoutAnOnnxOperatorIsRefusedByNameAndNothingIsWritten() {
        Path file = folder.resolve("maxout.onnx");
        Sequential model = Sequential.of(new Dense(4, 6), new Maxout(6, 2, 2)).initialize(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.exportOnnx(model, file));
        assertTrue(e.getMessage().contains("Maxout"), e.getMessage());
        assertFalse(Files.exists(file));
    }
}
