package io.backprop4j.bench;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.Evaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A service's life in one JVM, for docs/reliability.md: 10,000 {@code predict} calls on batches of 128 rows,
 * 1,000 {@code Evaluation.of} calls on 1,000 examples and 500 {@code ModelFile.load} calls of the Fashion-MNIST
 * MLP, with no {@code System.gc()} of its own. Prints the resident set every 100 calls as JSON lines, then
 * each phase's growth after its first 1,000 calls (the first 100 for the loads).
 */
public final class InferenceSoak {

    private InferenceSoak() {
    }

    public static void main(String[] args) throws IOException {
        Sequential model = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10).initialize(1);
        Path file = Files.createTempFile("soak", ".zip");
        ModelFile.save(model, file);
        INDArray batch = GradientChecks.gaussian(new Rng(1), 128, 784).castTo(DataType.FLOAT);
        DataSet data = new DataSet(GradientChecks.gaussian(new Rng(2), 1000, 784).castTo(DataType.FLOAT),
                Nd4j.zeros(DataType.FLOAT, 1000, 1));
        boolean close = args.length > 0 && args[0].equals("close");
        phase("predict", 10_000, 1_000, () -> {
            INDArray prediction = Model.of(model).predict(batch);
            if (close) {
                prediction.close();
            }
        });
        phase("evaluate", 1_000, 200, () -> Evaluation.of(model, data));
        phase("load", 500, 100, () -> {
            try {
                ModelFile.load(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Files.delete(file);
    }

    private static void phase(String name, int calls, int warmUp, Runnable call) {
        long afterWarmUp = 0;
        long highest = 0;
        for (int i = 1; i <= calls; i++) {
            call.run();
            if (i % 100 == 0) {
                long resident = Pointer.physicalBytes();
                System.out.printf(Locale.ROOT, "{\"phase\": \"%s\", \"calls\": %d, \"rss_mb\": %.1f, "
                        + "\"heap_committed_mb\": %.1f}%n", name, i, resident / 1048576.0,
                        Runtime.getRuntime().totalMemory() / 1048576.0);
                if (i == warmUp) {
                    afterWarmUp = resident;
                }
                if (i > warmUp) {
                    highest = Math.max(highest, resident);
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"phase\": \"%s\", \"rss_after_warm_up_mb\": %.1f, \"highest_after_mb\": %.1f,"
                + " \"growth_percent\": %.2f}%n", name, afterWarmUp / 1048576.0, highest / 1048576.0,
                100.0 * (highest - afterWarmUp) / afterWarmUp);
    }
}
