package io.backprop4j.examples;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Threads;
import io.backprop4j.core.data.Batches;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.optim.Checkpoint;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.StatefulOptimizer;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.TrainingResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: an MLP or the PyTorch-example CNN on Fashion-MNIST or MNIST, with checkpoints and a saved model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an image classifier on Fashion-MNIST or MNIST (mini-batch SGD family).")
final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--model", defaultValue = "mlp", converter = ModelConverter.class,
            description = "network: mlp (default; 784-hidden-10) or cnn (PyTorch's MNIST example: two 3×3 convolutions, "
                    + "max-pool, dropout, dense 128; defaults --optimizer adadelta --schedule step --batch-size 64 "
                    + "--epochs 14)")
    ModelName model;

    @Option(names = "--hidden", split = ",", defaultValue = "256,128",
            description = "hidden layer widths (default: ${DEFAULT-VALUE})")
    int[] hidden;

    @Option(names = "--activation", defaultValue = "relu", converter = ActivationConverter.class,
            description = "hidden activation (default: relu): relu, leaky-relu, prelu, elu, selu, gelu, silu, mish, "
                    + "softplus, sigmoid, tanh, softsign")
    ActivationName activation;

    @Option(names = "--optimizer", converter = OptimizerConverter.class, description = "sgd, momentum, nesterov "
            + "(momentum 0.9; the MLP's default), adagrad, rmsprop, adam, adamw, adadelta (the CNN's default)")
    OptimizerName optimizer;

    @Option(names = "--lr", description = "learning rate (default: 0.05 for SGD, 0.001 for Adam, 1.0 for Adadelta)")
    Double learningRate;

    @Option(names = "--schedule", converter = ScheduleConverter.class, description = "learning rate per epoch: "
            + "constant (the MLP's default), step (×0.7 each epoch; the CNN's default), cosine (to 0 at the end)")
    ScheduleName schedule;

    @Option(names = "--batch-size", description = "examples per batch (default: 128 for the MLP, 64 for the CNN)")
    Integer batchSize;

    @Option(names = "--epochs", description = "epochs in all (default: 10 for the MLP, 14 for the CNN); "
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

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        validate();
        Threads.setKernelThreads(kernelThreads);
        Checkpoint resumed = resume == null ? null : Checkpoint.load(resume);
        OptimizerName rule = optimizer == null ? model.optimizer : optimizer;
        TrainSettings settings = resumed == null
                ? new TrainSettings(data.dataset, model, hidden, activation, rule,
                        learningRate == null ? rule.defaultLearningRate : learningRate,
                        schedule == null ? model.schedule : schedule, batchSize == null ? model.batchSize : batchSize,
                        epochs == null ? model.epochs : epochs, seed, limit)
                : TrainSettings.fromMap(resumed.metadata()).withEpochs(epochs == null ? 0 : epochs);
        MnistData images = data.load(settings.dataset()).withTrainingLimit(
                settings.limit() > 0 ? settings.limit() : Integer.MAX_VALUE);
        DataSet train = images.train();
        Sequential network = resumed == null ? settings.network((int) train.features().size(1)) : resumed.model();
        StatefulOptimizer<?> step = settings.newOptimizer();
        LOG.info("{} on {}: {} training and {} test images, {} parameters, {} (lr {}), batch {}", network.name(),
                settings.dataset().id(), train.size(), images.test().size(), network.parameterCount(),
                settings.optimizer().id, settings.learningRate(), settings.batchSize());
        EpochReporter reporter = new EpochReporter(network, settings.model().id, images.test(),
                Batches.count(train.size(), settings.batchSize()), settings.batchSize(), !noProgress,
                json ? spec.commandLine().getOut() : null);
        Trainer trainer = new Trainer(network, settings.model().loss(), step)
                .schedule(settings.learningRateSchedule()).addListener(reporter);
        if (checkpoint != null) {
            trainer.checkpointEachEpoch(checkpoint, settings.toMap());
        }
        TrainingResult result = resumed == null
                ? trainer.fit(train,
                        Fit.epochs(settings.epochs()).batchSize(settings.batchSize()).seed(settings.seed()))
                : trainer.resume(resumed, train, Fit.epochs(settings.epochs()).batchSize(settings.batchSize()));
        LOG.info("finished at epoch {}: test accuracy {}%", result.last().epoch(),
                String.format("%.2f", 100 * reporter.lastAccuracy()));
        if (save != null) {
            ModelFile.save(network, settings.toMap(), save);
            LOG.info("model saved to {}", save);
        }
        return 0;
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
        if (kernelThreads < 0) {
            throw new ParameterException(spec.commandLine(), "--kernel-threads must be 0 or more, got " + kernelThreads);
        }
        if ((batchSize != null && batchSize <= 0) || (epochs != null && epochs <= 0) || limit < 0) {
            throw new ParameterException(spec.commandLine(), "--batch-size and --epochs must be positive and --limit "
                    + "not negative, got " + batchSize + ", " + epochs + ", " + limit);
        }
    }

    static final class ActivationConverter implements ITypeConverter<ActivationName> {
        @Override
        public ActivationName convert(String value) {
            return ActivationName.of(value);
        }
    }

    static final class ModelConverter implements ITypeConverter<ModelName> {
        @Override
        public ModelName convert(String value) {
            return ModelName.of(value);
        }
    }

    static final class ScheduleConverter implements ITypeConverter<ScheduleName> {
        @Override
        public ScheduleName convert(String value) {
            return ScheduleName.of(value);
        }
    }

    static final class OptimizerConverter implements ITypeConverter<OptimizerName> {
        @Override
        public OptimizerName convert(String value) {
            return OptimizerName.of(value);
        }
    }
}
