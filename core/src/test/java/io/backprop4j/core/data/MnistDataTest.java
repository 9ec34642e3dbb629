package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Rng;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDataTest {

    @TempDir
    Path directory;

    @Test
    void scalesPixelsToTheUnitIntervalAndOneHotEncodesLabels() throws IOException {
        IdxFiles.dataSet(directory, 12, 3);
        MnistData data = MnistDataset.FASHION_MNIST.load(directory);
        assertEquals(12, data.train().size());
        assertEquals(3, data.test().size());
        assertArrayEquals(new long[] {12, 4}, data.train().features().shape());
        assertEquals(110 / 255f, data.train().features().getFloat(11, 3), 0);
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, data.test().labels().getRow(2).toFloatVector());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, data.train().labels().getRow(11).toFloatVector());
    }

    @Test
    void givesLabelsAsClassIndicesOnRequest() throws IOException {
        IdxFiles.dataSet(directory, 12, 3);
        MnistData data = MnistDataset.FASHION_MNIST.load(directory).withClassIndices();
        assertArrayEquals(new long[] {12, 1}, data.train().labels().shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, data.train().labels().toFloatVector());
    }

    @Test
    void aFailedDownloadLeavesNoFilesAndSaysWhatToDo() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] wrong = IdxFiles.gzip(IdxFiles.labels(10));
            exchange.sendResponseHeaders(200, wrong.length);
            exchange.getResponseBody().write(wrong);
            exchange.close();
        });
        server.start();
        try {
            Path cache = directory.resolve("cache");
            URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class,
                    () -> MnistDataset.MNIST.download(mirror, cache));
            assertTrue(error.getMessage().contains("the download failed") && error.getMessage().contains("SHA-256")
                    && error.getMessage().contains("Allow the download (no --offline)"), error.getMessage());
            assertEquals(0, Files.list(cache).count());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void offlineWithNothingOnDiskNamesBothPlacesItLooked() {
        Assumptions.assumeFalse(Files.exists(MnistDataset.MNIST.cacheDirectory()), "MNIST is in the cache here");
        DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class,
                () -> MnistDataset.MNIST.loadOffline());
        assertTrue(error.getMessage().contains("not in /usr/share/datasets/mnist nor in "
                + MnistDataset.MNIST.cacheDirectory() + ", and downloading is off (--offline)"), error.getMessage());
    }

    @Test
    void standardizesBothSetsWithTrainingStatistics() throws IOException {
        IdxFiles.dataSet(directory, 12, 3);
        MnistData data = MnistDataset.FASHION_MNIST.load(directory).standardized();
        double mean = 55 / 255.0;
        double squares = 0;
        for (int i = 0; i < 12; i++) {
            squares += 4 * Math.pow(10 * i / 255.0 - mean, 2);
        }
        double std = Math.sqrt(squares / 47);
        assertEquals(0, data.train().features().meanNumber().doubleValue(), 1e-6);
        assertEquals((20 / 255.0 - mean) / std, data.test().features().getDouble(2, 0), 1e-5);
    }

    @Test
    void refusesLabelsThatDoNotMatchTheImages() throws IOException {
        IdxFiles.dataSet(directory, 12, 3);
        IdxFiles.write(directory.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(4));
        FileFormatException error = assertThrows(FileFormatException.class,
                () -> MnistDataset.FASHION_MNIST.load(directory));
        assertTrue(error.getMessage().contains("expected 3 labels (one per image in t10k-images-idx3-ubyte)"),
                error.getMessage());
    }

    @Test
    void refusesALabelOutsideTheClasses() throws IOException {
        IdxFiles.dataSet(directory, 12, 3);
        IdxFiles.write(directory.resolve("t10k-labels-idx1-ubyte"), IdxFiles.bytes(new int[] {3}, new byte[] {1, 10, 2}));
        FileFormatException error = assertThrows(FileFormatException.class,
                () -> MnistDataset.FASHION_MNIST.load(directory));
        assertTrue(error.getMessage().contains("label 1 is 10, outside [0, 10)"), error.getMessage());
    }

    @Test
    void aDirectoryWithoutTheFilesSaysWhatIsMissingAndHowToGetThem() throws IOException {
        Files.createDirectories(directory.resolve("empty"));
        DatasetNotFoundException error = assertThrows(DatasetNotFoundException.class,
                () -> MnistDataset.FASHION_MNIST.load(directory.resolve("empty")));
        assertTrue(error.getMessage().contains("lacks train-images-idx3-ubyte, train-labels-idx1-ubyte")
                && error.getMessage().contains("apt-get install dataset-fashion-mnist")
                && error.getMessage().contains("--data-dir"), error.getMessage());
    }

    @Test
    void batchesVisitEveryExampleOncePerEpochInANewOrder() throws IOException {
        IdxFiles.dataSet(directory, 12, 3);
        MnistData data = MnistDataset.FASHION_MNIST.load(directory);
        Rng rng = new Rng(3);
        List<Integer> sizes = new ArrayList<>();
        float[] seen = new float[12];
        Batches batches = new Batches(data.train(), 5);
        for (DataSet batch : batches.shuffled(rng)) {
            sizes.add(batch.size());
            for (float pixel : batch.features().getColumn(0).toFloatVector()) {
                seen[Math.round(pixel * 255 / 10)]++;
            }
        }
        assertEquals(List.of(5, 5, 2), sizes);
        float[] once = new float[12];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
        assertEquals(3, Batches.count(12, 5));
        DataSet first = batches.shuffled(rng).iterator().next();
        assertTrue(first == batches.shuffled(rng).iterator().next(), "full batches reuse one gather buffer");
    }
}
