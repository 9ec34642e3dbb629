package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.layers.Sequential;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.callbacks.TrainingContext;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a training run: a progress bar over each epoch's batches (on stderr), then the accuracy on the test
 * (or validation, or training) set, one
 * log line per epoch, and with {@code --json} one JSON object per epoch on stdout in the peer harnesses'
 * schema ({@code lib, model, epoch, train_seconds, samples_per_second, train_loss, test_accuracy}), then
 * context: the training-set size, batch size, learning rate, the process's resident memory
 * ({@code rss_bytes}: Java heap, ND4J's off-heap arrays and native libraries) and the committed Java heap.
 * The test set is evaluated after the Trainer has stopped its epoch clock, so {@code train_seconds}
 * times training only.
 */
final class EpochReporter implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(EpochReporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sequential model;
    private final String modelName;
    private final DataSet test;
    private final String testName;
    private final int batchesPerEpoch;
    private final int batchSize;
    private final boolean progress;
    private final PrintWriter json;
    private ProgressBar bar;
    private double lastAccuracy = Double.NaN;

    /** {@code json} receives the JSON lines, or is null for none. */
    EpochReporter(Sequential model, String modelName, DataSet test, String testName, int batchesPerEpoch,
            int batchSize, boolean progress, PrintWriter json) {
        this.model = model;
        this.modelName = modelName;
        this.test = test;
        this.testName = testName;
        this.batchesPerEpoch = batchesPerEpoch;
        this.batchSize = batchSize;
        this.progress = progress;
        this.json = json;
    }

    /** Logs how long the process took to reach its first batch: the JVM, the native libraries, the data, the model. */
    @Override
    public void onTrainingStart(TrainingContext context) {
        LOG.info("first batch {} s after the JVM started",
                String.format(Locale.ROOT, "%.2f", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
    }

    @Override
    public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
        if (!progress) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batchesPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" batches", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 100)).build();
        }
        bar.step();
        bar.setExtraMessage(String.format(" loss %.4f", loss));
    }

    @Override
    public void onEpochEnd(EpochEvent event) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        lastAccuracy = Evaluation.of(model, test).accuracy();
        LOG.info("epoch {}: train loss {}{}, {} accuracy {}%, {} s, {} samples/s, learning rate {}, resident {} MB",
                event.epoch(), String.format("%.4f", event.trainLoss()), trainingFigures(event), testName,
                String.format("%.2f", 100 * lastAccuracy),
                String.format("%.2f", event.seconds()), String.format("%.0f", event.examplesPerSecond()),
                String.format("%.3g", event.learningRate()), Pointer.physicalBytes() >> 20);
        if (json != null) {
            json.println(jsonLine(event));
            json.flush();
        }
    }

    /** The fit's metrics on the training batches, e.g. {@code , train accuracy 91.20%}. */
    private static String trainingFigures(EpochEvent event) {
        StringBuilder text = new StringBuilder();
        event.metrics().forEach((name, value) -> {
            boolean share = name.equals("accuracy") || name.startsWith("top-");
            if (!name.startsWith("val_")) {
                text.append(", train ").append(name).append(' ').append(share
                        ? String.format(Locale.ROOT, "%.2f%%", 100 * value) : String.format(Locale.ROOT, "%.4g", value));
            }
        });
        return text.toString();
    }

    double lastAccuracy() {
        return lastAccuracy;
    }

    private String jsonLine(EpochEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lib", "backprop4j");
        line.put("model", modelName);
        line.put("epoch", event.epoch());
        line.put("train_seconds", round(event.seconds(), 4));
        line.put("samples_per_second", round(event.examplesPerSecond(), 1));
        line.put("train_loss", round(event.trainLoss(), 5));
        line.put("test_accuracy", lastAccuracy);
        event.metrics().forEach((name, value) -> line.put(name.startsWith("val_") ? name : "train_" + name,
                round(value, 5)));
        line.put("n_train", event.examples());
        line.put("batch_size", batchSize);
        line.put("learning_rate", event.learningRate());
        line.put("rss_bytes", Pointer.physicalBytes());
        line.put("heap_committed_bytes", Runtime.getRuntime().totalMemory());
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers and strings always serialize", e);
        }
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
