package io.backprop4j.cli.report;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.Batches;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.cli.commands.DataOptions;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.callbacks.TrainingDivergedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code report activations}: trains the same MLP once per activation function and writes a Markdown report
 * with charts comparing them by kernel speed and learning speed, plus the vanishing-gradient and
 * dead-ReLU experiments.
 */
@Command(name = "activations", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare activation functions on Fashion-MNIST or MNIST: kernel speed, learning speed, "
                + "gradient flow in a deep net, dead ReLUs. Writes report.md, results.json and PNG charts.")
public final class ActivationReportCommand implements Callable<Integer> {

    static final List<ActivationName> COMPARED = List.of(ActivationName.SIGMOID, ActivationName.TANH,
            ActivationName.RELU, ActivationName.LEAKY_RELU, ActivationName.PRELU, ActivationName.ELU_,
            ActivationName.SOFTPLUS, ActivationName.GELU_, ActivationName.SILU);

    private static final Logger LOG = LoggerFactory.getLogger(ActivationReportCommand.class);
    private static final int[] HIDDEN = {256, 128};

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--output", defaultValue = "activation-report", description = "folder for the report "
            + "(default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--epochs", defaultValue = "10", description = "training budget per activation (default: "
            + "${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--target", defaultValue = "0.85", description = "test accuracy whose first reaching is timed "
            + "(default: ${DEFAULT-VALUE})")
    double target;

    @Option(names = "--measurements-per-epoch", defaultValue = "10", description = "test-accuracy measurements per "
            + "epoch (default: ${DEFAULT-VALUE})")
    int measurementsPerEpoch;

    @Option(names = "--lr", defaultValue = "0.05", description = "learning rate of SGD with Nesterov momentum 0.9 "
            + "(default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--large-lr", defaultValue = "1.0", description = "the too-large learning rate of the dead-ReLU "
            + "experiment (default: ${DEFAULT-VALUE})")
    double largeLearningRate;

    @Option(names = "--batch-size", defaultValue = "128", description = "(default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--deep-layers", defaultValue = "10", description = "dense layers of the gradient-flow "
            + "network (default: ${DEFAULT-VALUE})")
    int deepLayers;

    @Option(names = "--seed", defaultValue = "1", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "train on the first N images only (0: all)")
    int limit;

    @Option(names = "--kernel-repetitions", defaultValue = "200", description = "timed calls per kernel "
            + "(default: ${DEFAULT-VALUE})")
    int kernelRepetitions;

    @Override
    public Integer call() throws Exception {
        if (epochs <= 0 || batchSize <= 0 || measurementsPerEpoch <= 0 || kernelRepetitions <= 0 || deepLayers < 2
                || limit < 0 || !(target > 0 && target < 1) || !(learningRate > 0) || !(largeLearningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--epochs, --batch-size, --measurements-per-epoch, "
                    + "--kernel-repetitions and the learning rates must be positive, --deep-layers at least 2 and "
                    + "--target in (0, 1)");
        }
        MnistData images = data.load().withTrainingLimit(limit > 0 ? limit : Integer.MAX_VALUE);
        DataSet train = images.train();
        int inputs = (int) train.features().columns();
        int classes = (int) images.test().labels().columns();

        List<KernelSpeed> kernels = new ArrayList<>();
        for (ActivationName name : COMPARED) {
            kernels.add(KernelSpeed.measure(name, 128, 1024, kernelRepetitions));
        }
        Map<String, LearningCurve> curves = new LinkedHashMap<>();
        for (ActivationName name : COMPARED) {
            LOG.info("training with {}", name.id());
            Sequential model = Models.mlp(inputs, HIDDEN, name::create, classes).initialize(seed);
            int batches = Batches.count(train.size(), batchSize);
            LearningCurve curve = new LearningCurve(model, images.test(), batches,
                    Math.max(1, batches / measurementsPerEpoch));
            new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.nesterov(learningRate, 0.9)).addCallback(curve)
                    .fit(train, Fit.epochs(epochs).batchSize(batchSize).seed(seed));
            curves.put(name.id(), curve);
        }
        int[] deep = new int[deepLayers - 1];
        Arrays.fill(deep, 128);
        Map<String, double[]> gradientNorms = new LinkedHashMap<>();
        for (ActivationName name : List.of(ActivationName.SIGMOID, ActivationName.RELU)) {
            Sequential model = Models.mlp(inputs, deep, name::create, classes).initialize(seed);
            gradientNorms.put(name.id(), GradientFlow.weightGradientNorms(model, train, batchSize, 20));
        }
        DataSet probe = images.test().range(0, Math.min(2000, images.test().size()));
        Map<String, DeadUnitRun> dead = new LinkedHashMap<>();
        for (double rate : new double[] {learningRate, largeLearningRate}) {
            dead.put(String.valueOf(rate), deadUnitRun(train, probe, inputs, classes, rate));
        }
        List<String> arguments = spec.commandLine().getParseResult().originalArgs();
        List<String> ours = arguments.subList(arguments.indexOf("activations") + 1, arguments.size());
        ActivationReport report = new ActivationReport(ours, images.dataset().id(), train.size(), epochs,
                measurementsPerEpoch, batchSize, learningRate, seed, target, HIDDEN, kernels, curves, gradientNorms,
                dead);
        report.write(output);
        spec.commandLine().getOut().println(report.verdict());
        LOG.info("report written to {}", output.resolve(ActivationReport.MARKDOWN));
        return 0;
    }

    /** One epoch of the ReLU MLP at {@code rate}; the dead fractions per layer, or the divergence that ended it. */
    private DeadUnitRun deadUnitRun(DataSet train, DataSet probe, int inputs, int classes, double rate) {
        Sequential model = Models.mlp(inputs, HIDDEN, ActivationName.RELU::create, classes).initialize(seed);
        try {
            new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.nesterov(rate, 0.9)).fit(train,
                    Fit.epochs(1).batchSize(batchSize).seed(seed));
        } catch (TrainingDivergedException e) {
            return new DeadUnitRun(rate, null, Double.NaN, e.getMessage());
        }
        double accuracy = Evaluation.of(model, probe).accuracy();
        return new DeadUnitRun(rate, DeadUnits.fractions(model, probe), accuracy, null);
    }

    /** The dead-unit experiment at one learning rate: fractions per hidden layer and accuracy, or why it failed. */
    record DeadUnitRun(double learningRate, double[] deadFractions, double accuracy, String failure) {
    }
}
