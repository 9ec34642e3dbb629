package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Npy;
import io.backprop4j.core.WeightInit;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.io.ModelFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inputs a user may rightly give, accepted: float one-hot labels and float class numbers in an {@code .npz} for
 * {@code train}, an {@code .npz} holding only {@code x} for {@code predict}, a float64 model for {@code predict};
 * and inputs that cannot work refused in words: a device as data, a one-class training set, an export into a
 * folder that cannot be written.
 */
class ValidInputsTest {

    @TempDir
    Path directory;

    private Path npz(String name, Map<String, INDArray> arrays) throws IOException {
        Path archive = directory.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Map.Entry<String, INDArray> array : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(array.getKey() + ".npy"));
                OutputStream out = zip;
                out.write(Npy.toBytes(array.getValue()));
                zip.closeEntry();
            }
        }
        return archive;
    }

    private static INDArray features() {
        float[][] x = new float[8][2];
        for (int i = 0; i < 8; i++) {
            x[i][0] = i % 2;
            x[i][1] = i / 4;
        }
        return Nd4j.createFromArray(x);
    }

    @Test
    void floatOneHotLabelsAndFloatClassNumbersTrain() throws IOException {
        float[][] oneHot = new float[8][3];
        float[] numbers = new float[8];
        for (int i = 0; i < 8; i++) {
            oneHot[i][i % 3] = 1;
            numbers[i] = i % 3;
        }
        for (INDArray labels : List.of(Nd4j.createFromArray(oneHot), Nd4j.createFromArray(numbers))) {
            Path data = npz("data" + labels.rank() + ".npz", Map.of("x", features(), "y", labels));
            Path model = directory.resolve("model" + labels.rank() + ".zip");
            CommandLineTest.Run run = CommandLineTest.run("train", "--data", data.toString(), "--epochs", "1",
                    "--no-progress", "--save", model.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(List.of("0", "1", "2"), ModelFile.load(model).classNames());
        }
    }

    @Test
    void predictReadsAnNpzOfFeaturesAloneIntoAFloat64Model() throws IOException {
        Sequential network = Sequential.of(new Dense(2, 4, WeightInit.XAVIER_NORMAL, DataType.DOUBLE), new Tanh(),
                new Dense(4, 2, WeightInit.XAVIER_NORMAL, DataType.DOUBLE)).initialize(1);
        Path model = directory.resolve("float64.zip");
        ModelFile.save(network, Map.of("classNames", List.of("no", "yes")), model);
        Path inputs = npz("inputs.npz", Map.of("x", features()));
        CommandLineTest.Run run = CommandLineTest.run("predict", "--model", model.toString(), "--json",
                inputs.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(8, run.out().lines().count(), run.out());
    }

    @Test
    void aDeviceAOneClassSetAndAnUnwritableOutputAreRefusedInWords() throws IOException {
        Path model = directory.resolve("model.zip");
        ModelFile.save(Sequential.of(new Dense(2, 2)), Map.of("classNames", List.of("no", "yes")), model);
        assertRefused(CommandLineTest.run("predict", "--model", model.toString(), "/dev/zero"),
                "/dev/zero: not a regular file");
        Path oneClass = Files.writeString(directory.resolve("one.csv"), "a,b,label\n1,2,cat\n2,3,cat\n3,1,cat\n");
        assertRefused(CommandLineTest.run("train", "--data", oneClass.toString(), "--epochs", "1", "--no-progress"),
                "every label is [cat]; a classifier learns from at least two classes");
        CommandLineTest.Run export = CommandLineTest.run("export", "--model", model.toString(), "--format", "onnx",
                "--output", "/proc/backprop4j.onnx");
        assertRefused(export, "/proc/backprop4j.onnx");
        assertFalse(export.err().contains(".partial"), export.err());
    }

    private static void assertRefused(CommandLineTest.Run run, String expected) {
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }
}
