package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.data.MnistDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Training on the real Fashion-MNIST through the command line. Needs the data set where Debian's
 * {@code dataset-fashion-mnist} package puts it ({@code .ci/run} installs it).
 */
class FashionMnistTrainingTest {

    /**
     * The test below measured 0.6945 with ND4J's oneDNN build (native convolution ops) and 0.6769 with the
     * plain build (im2col), by `train --model cnn --limit 3000 --epochs 1 --offline`; the bar leaves room for
     * other builds' rounding.
     */
    private static final double CNN_BAR = 0.65;

    private static final Path DATA = MnistDataset.FASHION_MNIST.systemDirectory();

    @TempDir
    Path directory;

    @BeforeAll
    static void requireTheDataSet() {
        assertTrue(Files.isDirectory(DATA), "Fashion-MNIST is not in " + DATA
                + "; install it with `apt-get install dataset-fashion-mnist` (what .ci/run does)");
    }

    @Test
    void oneEpochOnSixThousandImagesReachesSeventyFivePercentAndTheSavedModelAgrees() throws IOException {
        Path model = directory.resolve("mlp.zip");
        CommandLineTest.Run train = CommandLineTest.run("train", "--limit", "6000", "--epochs", "1", "--offline",
                "--no-progress", "--json", "--save", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        List<String> lines = train.out().lines().toList();
        assertEquals(1, lines.size(), "exactly one JSON line per epoch on stdout: " + train.out());
        Map<?, ?> epoch = new ObjectMapper().readValue(lines.get(0), Map.class);
        assertEquals(List.of("lib", "model", "epoch", "train_seconds", "samples_per_second", "train_loss",
                "test_accuracy"), List.copyOf(epoch.keySet()).subList(0, 7));
        assertEquals("backprop4j", epoch.get("lib"));
        assertEquals(6000, epoch.get("n_train"));
        double accuracy = ((Number) epoch.get("test_accuracy")).doubleValue();
        assertTrue(accuracy >= 0.75, "test accuracy after one epoch on 6,000 images: " + accuracy);
        double training = ((Number) epoch.get("train_accuracy")).doubleValue();
        assertTrue(training > 0.6 && training < 1, "Keras's running training accuracy of the epoch: " + training);

        CommandLineTest.Run evaluate = CommandLineTest.run("evaluate", "--model", model.toString(), "--offline");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains(String.format("(10000 examples): accuracy %.2f%%", 100 * accuracy)),
                evaluate.out());
        assertTrue(evaluate.out().contains("Ankle boot") && evaluate.out().contains("Confusion matrix"));

        CommandLineTest.Run predict = CommandLineTest.run("predict", "--model", model.toString(), "--images",
                DATA.resolve("t10k-images-idx3-ubyte.gz").toString(), "--limit", "5", "--json");
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(5, predict.out().lines().count(), predict.out());
        assertTrue(predict.out().lines().allMatch(l -> l.contains("\"probability\"")), predict.out());
    }

    @Test
    void theConvolutionalNetworkLearnsFromThreeThousandImagesAndItsSavedModelAgrees() throws IOException {
        Path model = directory.resolve("cnn.zip");
        CommandLineTest.Run train = CommandLineTest.run("train", "--model", "cnn", "--limit", "3000", "--epochs", "1",
                "--offline", "--no-progress", "--json", "--save", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Map<?, ?> epoch = new ObjectMapper().readValue(train.out().lines().findFirst().orElseThrow(), Map.class);
        assertEquals("cnn", epoch.get("model"));
        assertEquals(64, epoch.get("batch_size"));
        double accuracy = ((Number) epoch.get("test_accuracy")).doubleValue();
        assertTrue(accuracy >= CNN_BAR, "CNN test accuracy after one epoch on 3,000 images: " + accuracy);

        CommandLineTest.Run evaluate = CommandLineTest.run("evaluate", "--model", model.toString(), "--offline");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains(String.format("(10000 examples): accuracy %.2f%%", 100 * accuracy)),
                evaluate.out());
        CommandLineTest.Run predict = CommandLineTest.run("predict", "--model", model.toString(), "--images",
                DATA.resolve("t10k-images-idx3-ubyte.gz").toString(), "--limit", "700", "--json");
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(700, predict.out().lines().count());

        // a fresh JVM, where loading the CNN is the first thing that touches ND4J
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "evaluate", "--model", model.toString(), "--offline").redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, waitFor(process), output);
        assertTrue(output.contains(String.format("(10000 examples): accuracy %.2f%%", 100 * accuracy)), output);
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRunResumedFromItsCheckpointEndsWithTheWeightsOfAnUninterruptedOne() throws IOException {
        Path whole = directory.resolve("whole.zip");
        Path checkpoint = directory.resolve("checkpoint.zip");
        Path resumed = directory.resolve("resumed.zip");
        // a constant rate: a one-cycle or cosine schedule depends on the run's length, which the resume extends
        String[] common = {"--limit", "1000", "--hidden", "32", "--optimizer", "adam", "--schedule", "constant",
            "--seed", "4", "--offline", "--no-progress"};
        assertEquals(0, CommandLineTest.run(concat(new String[] {"train", "--epochs", "3", "--save", whole.toString()},
                common)).exitCode());
        assertEquals(0, CommandLineTest.run(concat(new String[] {"train", "--epochs", "1", "--checkpoint",
            checkpoint.toString()}, common)).exitCode());
        CommandLineTest.Run rest = CommandLineTest.run("train", "--resume", checkpoint.toString(), "--epochs", "3",
                "--offline", "--no-progress", "--json", "--save", resumed.toString());
        assertEquals(0, rest.exitCode(), rest.err());
        assertEquals(2, rest.out().lines().count(), "epochs 2 and 3 only: " + rest.out());
        CommandLineTest.assertSameParameters(whole, resumed);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
