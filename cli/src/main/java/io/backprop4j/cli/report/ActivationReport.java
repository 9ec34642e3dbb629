package io.backprop4j.cli.report;

import io.backprop4j.core.AtomicFile;
import io.backprop4j.cli.report.ActivationReportCommand.DeadUnitRun;
import io.backprop4j.cli.report.LearningCurve.Point;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

/**
 * The measurements of one {@code report activations} run, written as {@code report.md} (with PNG charts
 * beside it) and {@code results.json} (every number the Markdown shows, unrounded).
 */
record ActivationReport(List<String> arguments, String dataset, int trainingImages, int epochs,
                        int measurementsPerEpoch, int batchSize,
                        double learningRate, long seed, double target, int[] hidden, List<KernelSpeed> kernels,
                        Map<String, LearningCurve> curves, Map<String, double[]> gradientNorms,
                        Map<String, DeadUnitRun> deadUnits) {

    static final String MARKDOWN = "report.md";
    static final String JSON = "results.json";
    /** A ratio of at least this much counts as "about 6×" (6 less a quarter). */
    static final double CLAIM_THRESHOLD = 4.5;

    void write(Path folder) throws IOException {
        Charts.writePng(Charts.lines("Test accuracy while training", "epoch", "test accuracy",
                series(p -> p.epoch(), p -> p.testAccuracy()), false), folder.resolve("accuracy-by-epoch.png"));
        Charts.writePng(Charts.lines("Test accuracy against training time", "training seconds", "test accuracy",
                series(p -> p.seconds(), p -> p.testAccuracy()), false), folder.resolve("accuracy-by-time.png"));
        Charts.writePng(Charts.lines("Training loss (mean over each epoch so far)", "epoch", "training loss",
                series(p -> p.epoch(), p -> p.trainLoss()), true), folder.resolve("loss.png"));
        Charts.writePng(Charts.bars("Kernel time on [128, 1024] float32", "ns per element",
                kernels.stream().map(KernelSpeed::activation).toList(), Map.of(
                        "forward", kernels.stream().mapToDouble(KernelSpeed::forwardNanosPerElement).toArray(),
                        "backward", kernels.stream().mapToDouble(KernelSpeed::backwardNanosPerElement).toArray())),
                folder.resolve("kernels.png"));
        Map<String, double[][]> norms = new LinkedHashMap<>();
        gradientNorms.forEach((name, values) -> norms.put(name, new double[][] {
            IntStream.rangeClosed(1, values.length).asDoubleStream().toArray(), values}));
        Charts.writePng(Charts.lines("‖∂J/∂W‖ per layer at initialization, " + depth() + " dense layers",
                "layer (1 = input side)", "gradient norm", norms, true), folder.resolve("gradient-norms.png"));
        List<DeadUnitRun> finished = deadUnits.values().stream().filter(run -> run.failure() == null).toList();
        Map<String, double[]> dead = new LinkedHashMap<>();
        finished.forEach(run -> dead.put("lr " + number(run.learningRate()),
                Arrays.stream(run.deadFractions()).map(f -> 100 * f).toArray()));
        Charts.writePng(Charts.bars("Dead ReLUs after one epoch", "dead units (%)", List.of("hidden layer 1",
                "hidden layer 2"), dead), folder.resolve("dead-relu.png"));
        AtomicFile.write(folder.resolve(JSON), out -> out.write(new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json())));
        AtomicFile.write(folder.resolve(MARKDOWN), out -> out.write(markdown().getBytes(StandardCharsets.UTF_8)));
    }

    private int depth() {
        return gradientNorms.values().iterator().next().length;
    }

    private Map<String, double[][]> series(ToDoubleFunction<Point> x, ToDoubleFunction<Point> y) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        curves.forEach((name, curve) -> series.put(name, new double[][] {
            curve.points().stream().mapToDouble(x).toArray(), curve.points().stream().mapToDouble(y).toArray()}));
        return series;
    }

    /** The plain answer to "ReLU converges about 6× faster than sigmoid/tanh", from epochs to the target. */
    String verdict() {
        Point relu = curves.get("relu").firstReaching(target);
        if (relu == null) {
            return String.format(Locale.ROOT, "The claim cannot be judged here: ReLU did not reach %.1f%% test accuracy"
                    + " within %d epoch(s).", 100 * target, epochs);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "ReLU reached %.1f%% test accuracy after %s epochs (%.1f s of training).", 100 * target,
                number(relu.epoch()), relu.seconds()));
        for (String other : List.of("tanh", "sigmoid")) {
            Point reached = curves.get(other).firstReaching(target);
            if (reached == null) {
                double bound = epochs / relu.epoch();
                text.append(String.format(Locale.ROOT, " %s did not reach it within %d epoch(s): more than %.1f× as "
                        + "many epochs, so the claim %s against %s.", capital(other), epochs, bound,
                        bound >= CLAIM_THRESHOLD ? "held" : "may hold (the budget is too short to tell)", other));
            } else {
                double ratio = reached.epoch() / relu.epoch();
                text.append(String.format(Locale.ROOT, " %s needed %s epochs (%.1f s): %.1f× as many epochs and "
                        + "%.1f× the seconds, so the claim %s against %s.", capital(other), number(reached.epoch()),
                        reached.seconds(), ratio, reached.seconds() / relu.seconds(),
                        ratio >= CLAIM_THRESHOLD ? "held" : "did not hold", other));
            }
        }
        return text.toString();
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        setup(md);
        learningSpeed(md);
        kernelSpeed(md);
        vanishingGradients(md);
        deadUnits(md);
        return md.toString();
    }

    /** The title, how the report was produced, the training set-up and the verdict. */
    private void setup(StringBuilder md) {
        md.append("# Activation functions compared on ").append(dataset).append("\n\n");
        md.append("Produced by `java -jar cli/target/backprop4j.jar report activations")
                .append(arguments.isEmpty() ? "" : " " + String.join(" ", arguments)).append("` on ").append(Instant.now().toString(), 0, 10).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name"))
                .append(' ').append(System.getProperty("os.arch")).append(". Every number below is in `")
                .append(JSON).append("`.\n\n");
        md.append(String.format(Locale.ROOT, "Setup: MLP %s, %d training images, SGD with Nesterov momentum 0.9 at "
                + "learning rate %s, batch %d, seed %d, the same initialization rule per family (Glorot for sigmoid "
                + "and tanh, He for the others) and the same batches for every activation; a budget of %d epoch(s) "
                + "each. Test accuracy was measured on the full test set %d times per epoch; the seconds count "
                + "training only.%n%n", architecture(), trainingImages, number(learningRate), batchSize, seed, epochs,
                measurementsPerEpoch));
        md.append("## Does ReLU converge about 6× faster than sigmoid and tanh?\n\n").append(verdict())
                .append(String.format(Locale.ROOT, " (\"About 6×\" is read as at least %.1f×. The textbook figure "
                        + "comes from Krizhevsky et al. 2012: a 4-layer CNN on CIFAR-10 reached 25%% training error "
                        + "six times faster with ReLU than with tanh.)%n%n", CLAIM_THRESHOLD));
    }

    /** Epochs and seconds to the target accuracy, and to two levels beside it. */
    private void learningSpeed(StringBuilder md) {
        md.append(String.format(Locale.ROOT, "## Learning speed%n%n| activation | epochs to %.1f%% | seconds to "
                + "%.1f%% | final test accuracy | final training loss | training seconds per epoch |%n"
                + "|---|---:|---:|---:|---:|---:|%n", 100 * target, 100 * target));
        curves.forEach((name, curve) -> {
            Point reached = curve.firstReaching(target);
            List<Point> points = curve.points();
            Point last = points.get(points.size() - 1);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f%% | %.4f | %.2f |%n", name,
                    reached == null ? "not reached" : number(reached.epoch()),
                    reached == null ? "—" : String.format(Locale.ROOT, "%.1f", reached.seconds()),
                    100 * last.testAccuracy(), last.trainLoss(), last.seconds() / epochs));
        });
        double[] targets = {target - 0.05, target, target + 0.025};
        md.append(String.format(Locale.ROOT, "%nEpochs to three accuracy levels (the verdict uses the middle one):%n%n"
                + "| activation | %.1f%% | %.1f%% | %.1f%% |%n|---|---:|---:|---:|%n", 100 * targets[0], 100 * targets[1],
                100 * targets[2]));
        curves.forEach((name, curve) -> {
            md.append("| ").append(name).append(" |");
            for (double level : targets) {
                Point reached = curve.firstReaching(level);
                md.append(' ').append(reached == null ? "not reached" : number(reached.epoch())).append(" |");
            }
            md.append('\n');
        });
        md.append("\n![test accuracy by epoch](accuracy-by-epoch.png)\n\n![test accuracy by training time]"
                + "(accuracy-by-time.png)\n\n![training loss](loss.png)\n\n");
    }

    /** Forward and backward nanoseconds per element. */
    private void kernelSpeed(StringBuilder md) {
        md.append("## Kernel speed\n\nForward `f(s)` and backward `∂J/∂s = ∂J/∂f ⊙ f'(s)` on a float32 [128, 1024] "
                + "batch, one kernel thread: the median of the timed calls, in nanoseconds per element. (The JMH "
                + "suite measures the same kernels with forks and error bars: `ActivationBenchmark`.)\n\n"
                + "| activation | forward ns/element | backward ns/element |\n|---|---:|---:|\n");
        kernels.forEach(k -> md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", k.activation(),
                k.forwardNanosPerElement(), k.backwardNanosPerElement())));
        md.append("\n![kernel time per element](kernels.png)\n\n");
    }

    /** Each layer's weight-gradient norm at initialization. */
    private void vanishingGradients(StringBuilder md) {
        md.append(String.format(Locale.ROOT, "## Vanishing gradients%n%nA %d-layer MLP (%d inputs, hidden layers "
                + "of 128, %d outputs) at initialization: the norm ‖∂J/∂W_l‖ of each layer's weight gradient, "
                + "averaged over 20 batches of %d.%n%n| layer |", depth(), 784, 10, batchSize));
        gradientNorms.keySet().forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n|---|").append("---:|".repeat(gradientNorms.size())).append('\n');
        for (int l = 0; l < depth(); l++) {
            md.append("| ").append(l + 1).append(" |");
            for (double[] values : gradientNorms.values()) {
                md.append(String.format(Locale.ROOT, " %.3e |", values[l]));
            }
            md.append('\n');
        }
        gradientNorms.forEach((name, values) -> md.append(String.format(Locale.ROOT, "%nFirst over last layer, "
                + "%s: %.3g.", name, values[0] / values[values.length - 1])));
        md.append("\n\n![gradient norm per layer](gradient-norms.png)\n\n");
    }

    /** The dead ReLUs after one epoch at two learning rates. */
    private void deadUnits(StringBuilder md) {
        md.append("## Dead ReLUs\n\nThe ReLU MLP trained for one epoch at two learning rates. A unit is dead when "
                + "its output is zero for every one of the first 2,000 test images.\n\n"
                + "| learning rate | dead, hidden layer 1 | dead, hidden layer 2 | accuracy on those images |\n"
                + "|---:|---:|---:|---:|\n");
        deadUnits.values().forEach(run -> md.append(run.failure() != null
                ? String.format(Locale.ROOT, "| %s | — | — | diverged: %s |%n", number(run.learningRate()),
                        run.failure())
                : String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.2f%% |%n", number(run.learningRate()),
                        100 * run.deadFractions()[0], 100 * run.deadFractions()[1], 100 * run.accuracy())));
        md.append("\n![dead units per layer](dead-relu.png)\n");
    }

    private String architecture() {
        StringBuilder text = new StringBuilder("784");
        Arrays.stream(hidden).forEach(h -> text.append('-').append(h));
        return text.append("-10").toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("arguments", arguments);
        root.put("dataset", dataset);
        root.put("trainingImages", trainingImages);
        root.put("epochs", epochs);
        root.put("measurementsPerEpoch", measurementsPerEpoch);
        root.put("batchSize", batchSize);
        root.put("learningRate", learningRate);
        root.put("seed", seed);
        root.put("target", target);
        root.put("hidden", hidden);
        root.put("verdict", verdict());
        List<Map<String, Object>> kernelRows = new ArrayList<>();
        kernels.forEach(k -> kernelRows.add(Map.of("activation", k.activation(), "forwardNanosPerElement",
                k.forwardNanosPerElement(), "backwardNanosPerElement", k.backwardNanosPerElement())));
        root.put("kernels", kernelRows);
        Map<String, Object> learning = new LinkedHashMap<>();
        curves.forEach((name, curve) -> learning.put(name, curve.points().stream().map(p -> Map.of("epoch",
                p.epoch(), "seconds", p.seconds(), "trainLoss", p.trainLoss(), "testAccuracy", p.testAccuracy()))
                .toList()));
        root.put("learningCurves", learning);
        root.put("gradientNorms", gradientNorms);
        List<Map<String, Object>> dead = new ArrayList<>();
        deadUnits.values().forEach(run -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("learningRate", run.learningRate());
            row.put("deadFractions", run.deadFractions());
            row.put("accuracy", Double.isNaN(run.accuracy()) ? null : run.accuracy());
            row.put("failure", run.failure());
            dead.add(row);
        });
        root.put("deadUnits", dead);
        return root;
    }

    /** Whole numbers without decimals, others with two: epochs such as 1 or 0.25, rates such as 0.05. */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
