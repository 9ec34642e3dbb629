package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.Batches;
import io.backprop4j.core.kernels.Threads;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.optim.Checkpoint;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.TrainingResult;
import io.backprop4j.optim.schedules.ScheduleName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code train}: an MLP or the PyTorch-example CNN on Fashion-MNIST, MNIST or the user's own CSV file, NumPy
 * archive or image folder, with checkpoints and a saved model.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a classifier on Fashion-MNIST, MNIST or your own data (mini-batch SGD family).")
public final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--data", description = "your own training data instead of --dataset: a .csv file (a label "
            + "column, then numeric features), an .npz archive (arrays x and y) or a folder with one subfolder of "
            + "PNG or JPEG images per class")
    Path ownData;

    @Option(names = "--label-column", description = "the CSV column that holds the label, by name or 0-based "
            + "index (default: the column named label, else the last)")
    String labelColumn;

    @Option(names = "--test", description = "your own test data, in the same form as --data")
    Path test;

    @Option(names = "--validation-split", defaultValue = "0", description = "with --data and no --test: hold out "
            + "this fraction of the examples (stratified) to test on (default: none; accuracy is then measured on "
            + "the training data)")
    double validationSplit;

    @Option(names = "--normalize",
            description = "scale the features by a first layer saved in the model: standardize (zero mean, unit "
                    + "variance per feature; the MLP's default), rescale (divide by the largest training value, e.g. "
                    + "pixels 0-255 to 0-1; the CNN's default with --data) or none (the CNN's with --dataset)")
    NormalizeName normalize;

    @Option(names = "--model", defaultValue = "mlp",
            description = "network: mlp (default; 784-hidden-10), cnn (PyTorch's MNIST example: two 3×3 convolutions, "
                    + "max-pool, dropout, dense 128; defaults --optimizer adadelta --schedule step --batch-size 64 "
                    + "--epochs 14) or bn-cnn (four 3×3 convolutions with BatchNorm, two max-pools, dense 128; "
                    + "defaults --augment crop,flip --epochs 10)")
    ModelName model;

    @Option(names = "--hidden", split = ",", defaultValue = "256,128",
            description = "hidden layer widths (default: ${DEFAULT-VALUE})")
    int[] hidden;

    @Option(names = "--activation", defaultValue = "relu",
            description = "hidden activation (default: relu): relu, leaky-relu, prelu, elu, selu, gelu, silu, mish, "
                    + "softplus, sigmoid, tanh, softsign")
    ActivationName activation;

    @Option(names = "--optimizer", description = "sgd, momentum, nesterov (momentum 0.9), adagrad, rmsprop, adam, "
            + "adamw (the MLP's default), adadelta (the CNN's default)")
    OptimizerName optimizer;

    @Option(names = "--lr", description = "learning rate, the peak of a one-cycle schedule (default: 0.004 for the "
            + "MLP and bn-cnn, 1.0 for the CNN; with --optimizer, 0.05 for SGD, 0.001 for Adam, 1.0 for Adadelta)")
    Double learningRate;

    @Option(names = "--schedule", description = "learning rate over the run: constant, step (×0.7 each epoch; the "
            + "CNN's default), cosine (per epoch, to 0 at the end), one-cycle (per batch: up to --lr over 30 percent "
            + "of the run, then down, PyTorch's OneCycleLR; the MLP's default), cosine-warmup (a linear warm-up over "
            + "the first epoch, then cosine per batch)")
    ScheduleName schedule;

    @Option(names = "--augment", split = ",", description = "transform each training image as its batch is drawn:"
            + " crop (shifts of up to 2 pixels), flip (left to right), erase (a random rectangle); e.g. crop,flip (the "
            + "bn-cnn's default; none for the others)")
    List<AugmentName> augment;

    @Option(names = "--label-smoothing", description = "mix the targets with the uniform distribution by this "
            + "much, as PyTorch's label_smoothing (default: 0.1 for the MLP and bn-cnn, 0 for the CNN)")
    Double labelSmoothing;

    @Option(names = "--batch-size", description = "examples per batch (default: 64 for the CNN, 128 for the others)")
    Integer batchSize;

    @Option(names = "--epochs", description = "epochs in all (default: 14 for the CNN, 10 for the others); "
            + "with --resume, extends the saved run to this many")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "1", description = "fixes initialization and shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "train on the first N images only (0: all)")
    int limit;

    @Option(names = "--save", description = "write the trained model to this zip file")
    Path save;

    @Option(names = "--checkpoint", description = "write a checkpoint to this file after every epoch")
    Path checkpoint;

    @Option(names = "--resume", description = "continue the run saved in this checkpoint, with its settings "
            + "(data location, output options and --epochs still come from this command line)")
    Path resume;

    @Option(names = "--kernel-threads", defaultValue = "1", description = "threads for the native kernels "
            + "(ND4J's and oneDNN's; OpenBLAS's where oneDNN is not loaded); with 1, a helper thread computes half of "
            + "the matrix products, ReLUs and optimizer updates on a second core; 0 keeps the libraries' defaults, which are slower on few cores "
            + "(default: ${DEFAULT-VALUE})")
    int kernelThreads;

    @Option(names = "--json", description = "print one JSON object per epoch on stdout")
    boolean json;

    @Option(names = "--metrics", split = ",", defaultValue = "accuracy", description = "figures each epoch reports on"
            + " its training batches, by name: accuracy, top-K (e.g. top-5), f1-macro, mse, mae, r2 (default: "
            + "${DEFAULT-VALUE})")
    List<String> metrics;

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    /** The settings a resumed run takes from its checkpoint, which its command line cannot change. */
    private static final List<String> SAVED_SETTINGS = List.of("--dataset", "--data", "--label-column", "--test",
            "--validation-split", "--normalize", "--model", "--hidden", "--activation", "--optimizer", "--lr",
            "--schedule", "--batch-size", "--seed", "--limit", "--augment", "--label-smoothing");

    @Override
    public Integer call() throws Exception {
        validate();
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--save", save);
        outputs.put("--checkpoint", checkpoint);
        if (resume != null && save != null && OutputFiles.requireWritable("--save", save)
                .equals(resume.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--save and --resume name the same file, " + save
                    + "; the final model would overwrite the checkpoint");
        }
        try (OutputFiles claim = OutputFiles.claim(outputs)) {
            return train();
        }
    }

    private int train() throws Exception {
        Checkpoint resumed = resume == null ? null : Checkpoint.load(resume);
        OptimizerName rule = optimizer == null ? model.optimizer : optimizer;
        TrainSettings settings = resumed == null
                ? new TrainSettings(new DataSource(data.dataset, ownData, labelColumn, test, validationSplit), model,
                        hidden, activation, rule, learningRate != null ? learningRate
                                : optimizer == null ? model.learningRate : rule.defaultLearningRate(),
                        schedule == null ? model.schedule : schedule, batchSize == null ? model.batchSize : batchSize,
                        epochs == null ? model.epochs : epochs, seed, limit, augment == null ? model.augment : augment,
                        labelSmoothing == null ? model.labelSmoothing : labelSmoothing)
                : TrainSettings.fromMap(resumed.metadata()).withEpochs(epochs == null ? 0 : epochs);
        if (resumed != null && resumed.epoch() >= settings.epochs()) {
            return finished(resumed, settings);
        }
        DataSource.Examples examples = settings.source().load(data, settings.limit(), settings.seed());
        Threads.setKernelThreads(kernelThreads);
        DataSet train = examples.train();
        Sequential network = resumed == null ? network(settings, examples) : resumed.model();
        Optimizer step = settings.newOptimizer();
        LOG.info("{} on {}: {} training and {} {} examples, {} classes, {} parameters, {} (lr {}), batch {}",
                network.name(), settings.source().name(),
                train.size(), examples.test().size(), examples.testName(), examples.classNames().size(),
                Model.of(network).parameterCount(), settings.optimizer().id(), settings.learningRate(), settings.batchSize());
        EpochReporter reporter = new EpochReporter(network, settings.model().id, examples.test(), examples.testName(),
                Batches.count(train.size(), settings.batchSize()), settings.batchSize(), !noProgress,
                json ? spec.commandLine().getOut() : null);
        Trainer trainer = new Trainer(network, settings.loss(), step)
                .schedule(settings.learningRateSchedule(Batches.count(train.size(), settings.batchSize())))
                .addCallback(reporter);
        Map<String, Object> metadata = settings.toMap(examples.classNames());
        if (checkpoint != null) {
            trainer.checkpointEachEpoch(checkpoint, metadata);
        }
        Fit fit = Fit.epochs(settings.epochs()).batchSize(settings.batchSize()).metrics(metrics.toArray(String[]::new))
                .augment(AugmentName.of(settings.augment(), train));
        TrainingResult result = resumed == null ? trainer.fit(train, fit.seed(settings.seed()))
                : trainer.resume(resumed, train, fit);
        LOG.info("finished at epoch {}: {} accuracy {}%", result.last().epoch(), examples.testName(),
                String.format("%.2f", 100 * reporter.lastAccuracy()));
        if (save != null) {
            ModelFile.save(network, metadata, save);
            LOG.info("model saved to {}", save);
        }
        return 0;
    }

    /**
     * A checkpoint of a run that already reached its last epoch (say, killed while writing its model): its
     * model is written to {@code --save}, and nothing is trained.
     */
    private int finished(Checkpoint resumed, TrainSettings settings) throws IOException {
        if (save == null) {
            throw new IllegalArgumentException(resume + " holds a run that finished its " + resumed.epoch() + " epochs;"
                    + " add --save FILE to write its model, or --epochs N (more than " + resumed.epoch()
                    + ") to train on");
        }
        ModelFile.save(resumed.model(), resumed.metadata(), save);
        LOG.info("the run in {} had finished at epoch {}; its model saved to {}", resume, resumed.epoch(), save);
        return 0;
    }

    /**
     * The network for the examples' rows and classes, behind the scaling {@code --normalize} chooses, by default
     * the model's ({@link ModelName#scaling}).
     */
    private Sequential network(TrainSettings settings, DataSource.Examples examples) {
        DataSet train = examples.train();
        if (examples.classNames().size() < 2) {
            throw new IllegalArgumentException(settings.source().name() + ": every label is "
                    + examples.classNames() + "; a classifier learns from at least two classes");
        }
        Sequential network = settings.network((int) train.features().size(1), examples.classNames().size());
        NormalizeName scaling = normalize != null ? normalize
                : settings.model().scaling(settings.source().data() != null);
        if (scaling == NormalizeName.NONE) {
            return network;
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(scaling.fit(train.features()));
        layers.addAll(network.layers());
        return Sequential.of(layers.toArray(Layer[]::new));
    }

    private void validate() {
        for (int width : hidden) {
            if (width <= 0) {
                throw new ParameterException(spec.commandLine(), "--hidden: widths must be positive, got " + width);
            }
        }
        if (learningRate != null && !(learningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--lr must be positive, got " + learningRate);
        }
        if (kernelThreads < 0 || kernelThreads > Threads.maxKernelThreads()) {
            throw new ParameterException(spec.commandLine(), "--kernel-threads must lie in 0 … "
                    + Threads.maxKernelThreads() + " (4 per core), got " + kernelThreads);
        }
        if (resume != null) {
            for (String option : SAVED_SETTINGS) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new ParameterException(spec.commandLine(), "--resume continues the saved run with its own "
                            + "settings, so " + option + " cannot change them (only --epochs, --data-dir, --offline and"
                            + " the output options can be given)");
                }
            }
        }
        if (labelSmoothing != null && (!(labelSmoothing >= 0 && labelSmoothing < 1)
                || labelSmoothing > 0 && model == ModelName.CNN)) {
            throw new ParameterException(spec.commandLine(), "--label-smoothing must lie in [0, 1) and needs a network"
                    + " that outputs logits (not --model cnn), got " + labelSmoothing + " with --model " + model.id);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new ParameterException(spec.commandLine(), "--validation-split must be in [0, 1), got "
                    + validationSplit);
        }
        if (ownData != null && spec.commandLine().getParseResult().hasMatchedOption("--dataset")) {
            throw new ParameterException(spec.commandLine(), "--dataset and --data name two different training sets;"
                    + " give one: --data for your own file or folder, --dataset for Fashion-MNIST or MNIST");
        }
        if (ownData == null && (test != null || labelColumn != null || validationSplit > 0)) {
            throw new ParameterException(spec.commandLine(), "--test, --label-column and --validation-split go with"
                    + " --data (your own data); --dataset comes with its own test set");
        }
        if ((batchSize != null && batchSize <= 0) || (epochs != null && epochs <= 0) || limit < 0) {
            throw new ParameterException(spec.commandLine(), "--batch-size and --epochs must be positive and --limit "
                    + "not negative, got " + batchSize + ", " + epochs + ", " + limit);
        }
    }
}
