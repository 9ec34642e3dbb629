package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.data.Idx;
import io.backprop4j.core.data.MnistDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Fashion-MNIST images written as a user's own data, a Kaggle-style CSV and a PNG folder per class, train
 * through the command line to the accuracy the same images reach from IDX files (same seed), and the trained
 * models evaluate and predict on their own formats with class names.
 */
class OwnDataCommandLineTest {

    private static final Path DATA = MnistDataset.FASHION_MNIST.systemDirectory();
    private static final int TRAIN = 600;
    private static final int TEST = 400;

    @TempDir
    static Path directory;

    /** Training images, then test images, each set in class order (the order an image folder is read in). */
    private static List<Integer> order;
    private static Idx images;
    private static Idx labels;

    @BeforeAll
    static void writeTheSameImagesInThreeForms() throws IOException {
        images = Idx.read(DATA.resolve("t10k-images-idx3-ubyte.gz"));
        labels = Idx.read(DATA.resolve("t10k-labels-idx1-ubyte.gz"));
        order = new ArrayList<>();
        order.addAll(byClass(0, TRAIN));
        order.addAll(byClass(TRAIN, TRAIN + TEST));
        writeIdx(directory.resolve("idx"));
        writeCsv(directory.resolve("train.csv"), order.subList(0, TRAIN));
        writeCsv(directory.resolve("test.csv"), order.subList(TRAIN, TRAIN + TEST));
        writePngs(directory.resolve("train"), order.subList(0, TRAIN));
        writePngs(directory.resolve("test"), order.subList(TRAIN, TRAIN + TEST));
    }

    private static List<Integer> byClass(int from, int to) {
        return IntStream.range(from, to).boxed().sorted(Comparator.comparingInt(OwnDataCommandLineTest::label))
                .toList();
    }

    private static int label(int image) {
        return labels.values()[image] & 0xff;
    }

    private static int pixel(int image, int at) {
        return images.values()[image * 784 + at] & 0xff;
    }

    private static void writeIdx(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Integer> train = order.subList(0, TRAIN);
        List<Integer> test = order.subList(TRAIN, TRAIN + TEST);
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(train, true));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(train, false));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(test, true));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(test, false));
    }

    private static byte[] idx(List<Integer> which, boolean pixels) {
        ByteBuffer bytes = ByteBuffer.allocate((pixels ? 16 : 8) + which.size() * (pixels ? 784 : 1));
        bytes.putInt(pixels ? 0x803 : 0x801).putInt(which.size());
        if (pixels) {
            bytes.putInt(28).putInt(28);
        }
        for (int image : which) {
            if (pixels) {
                bytes.put(images.values(), image * 784, 784);
            } else {
                bytes.put((byte) label(image));
            }
        }
        return bytes.array();
    }

    private static void writeCsv(Path file, List<Integer> which) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("label");
            for (int at = 0; at < 784; at++) {
                out.write(",pixel" + at);
            }
            out.write("\n");
            for (int image : which) {
                out.write(Integer.toString(label(image)));
                for (int at = 0; at < 784; at++) {
                    out.write("," + pixel(image, at));
                }
                out.write("\n");
            }
        }
    }

    private static void writePngs(Path root, List<Integer> which) throws IOException {
        for (int k = 0; k < which.size(); k++) {
            int image = which.get(k);
            BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int at = 0; at < 784; at++) {
                png.getRaster().setSample(at % 28, at / 28, 0, pixel(image, at));
            }
            Path folder = Files.createDirectories(root.resolve(Integer.toString(label(image))));
            ImageIO.write(png, "png", folder.resolve(String.format("%05d.png", k)).toFile());
        }
    }

    /** Trains through the command line; returns the last epoch's test accuracy. */
    private static double train(Path model, String... data) throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--epochs", "3", "--batch-size", "32", "--seed", "5",
                "--offline", "--no-progress", "--json", "--save", model.toString()));
        args.addAll(List.of(data));
        CommandLineTest.Run run = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        Map<?, ?> last = new ObjectMapper().readValue(lines.get(lines.size() - 1), Map.class);
        return ((Number) last.get("test_accuracy")).doubleValue();
    }

    @Test
    void aKaggleCsvAndAPngFolderTrainToTheAccuracyOfTheIdxFiles() throws IOException {
        double idx = train(directory.resolve("idx.zip"), "--data-dir", directory.resolve("idx").toString());
        double csv = train(directory.resolve("csv.zip"), "--data", directory.resolve("train.csv").toString(),
                "--test", directory.resolve("test.csv").toString());
        double png = train(directory.resolve("png.zip"), "--data", directory.resolve("train").toString(),
                "--test", directory.resolve("test").toString());
        assertTrue(idx > 0.6, "IDX test accuracy " + idx);
        assertEquals(idx, csv, 0.005, "CSV against IDX");
        assertEquals(idx, png, 0.005, "PNG folder against IDX");
    }

    @Test
    void evaluateAndPredictReadTheUsersFormatsAndNameTheClasses() throws IOException {
        Path model = directory.resolve("csv-model.zip");
        train(model, "--data", directory.resolve("train.csv").toString(), "--validation-split", "0.2");
        CommandLineTest.Run evaluate = CommandLineTest.run("evaluate", "--model", model.toString(), "--data",
                directory.resolve("test.csv").toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("(400 examples): accuracy") && evaluate.out().contains("macro avg"),
                evaluate.out());

        Path pngModel = directory.resolve("png-model.zip");
        train(pngModel, "--data", directory.resolve("train").toString());
        Path first = directory.resolve("test").resolve("0").resolve("00000.png");
        Path other = directory.resolve("test").resolve("9");
        CommandLineTest.Run predict = CommandLineTest.run("predict", "--model", pngModel.toString(), "--data",
                first.toString(), other.resolve(Files.list(other).sorted().findFirst().orElseThrow().getFileName())
                        .toString(), "--json");
        assertEquals(0, predict.exitCode(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(2, lines.size(), predict.out());
        assertTrue(lines.get(0).contains("\"name\":\""), predict.out());

        CommandLineTest.Run every = CommandLineTest.run("predict", "--model", model.toString(),
                directory.resolve("test.csv").toString(), "--csv");
        assertEquals(0, every.exitCode(), every.err());
        List<String> rows = every.out().lines().toList();
        assertEquals("input,class,name,probability", rows.get(0));
        assertEquals(401, rows.size(), "a positional file, and every one of its 400 rows without --limit");
        assertTrue(rows.get(400).startsWith("399,"), rows.get(400));
    }
}
