package io.backprop4j.spark.demo;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.MnistDataset;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.layers.models.Models;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.TrainingResult;
import io.backprop4j.spark.EpochFigures;
import io.backprop4j.spark.NeuralNetworkClassificationModel;
import io.backprop4j.spark.NeuralNetworkClassifier;
import io.backprop4j.spark.SparkData;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The Fashion-MNIST MLP (784-256-128-10, ReLU, Adam) trained as a Spark application, in Spark's local mode by
 * default; with {@code --single-machine} the same network, data and settings on the library's {@code Trainer}, for
 * comparison. Prints one JSON line per epoch (loss, seconds, samples per second, the partitions' compute time) and
 * one with the test accuracy.
 */
@Command(name = "fashion-mnist-on-spark", mixinStandardHelpOptions = true,
        description = "Trains the Fashion-MNIST MLP on Spark (local mode unless --master says otherwise).")
public final class FashionMnistOnSpark implements Callable<Integer> {

    @Option(names = "--master", description = "Spark master (default: ${DEFAULT-VALUE}; spark-submit's wins)")
    String master = "local[2]";

    @Option(names = "--mode", description = "synchronous or averaging (default: ${DEFAULT-VALUE})")
    String mode = "synchronous";

    @Option(names = "--all-reduce", description = "tree or sharded (default: ${DEFAULT-VALUE})")
    String allReduce = "tree";

    @Option(names = "--averaging-period", description = "local steps between averagings (default: ${DEFAULT-VALUE})")
    int averagingPeriod = 5;

    @Option(names = "--partitions", description = "partitions of the training data (default: ${DEFAULT-VALUE})")
    int partitions = 2;

    @Option(names = "--epochs", description = "default: ${DEFAULT-VALUE}")
    int epochs = 3;

    @Option(names = "--batch-size", description = "global batch size (default: ${DEFAULT-VALUE})")
    int batchSize = 128;

    @Option(names = "--limit", description = "training images used, from the first (default: ${DEFAULT-VALUE})")
    int limit = 10_000;

    @Option(names = "--seed", description = "default: ${DEFAULT-VALUE}")
    long seed = 1;

    @Option(names = "--single-machine", description = "train with the Trainer instead, for comparison")
    boolean singleMachine;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FashionMnistOnSpark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        MnistData data = MnistDataset.FASHION_MNIST.load();
        DataSet train = data.train().range(0, Math.min(limit, data.train().size()));
        Rng.seed(seed);
        Sequential network = Models.mlp(784, new int[] {256, 128}, ReLU::new, 10);
        Sequential trained = singleMachine ? onOneMachine(network, train) : onSpark(network, train);
        System.out.printf(Locale.ROOT, "{\"test_accuracy\": %.4f, \"train_rows\": %d}%n",
                Evaluation.of(trained, data.test()).accuracy(), train.size());
        return 0;
    }

    private Sequential onSpark(Sequential network, DataSet train) {
        SparkSession.Builder builder = SparkSession.builder().appName("fashion-mnist-on-spark")
                .config("spark.ui.enabled", "false");
        if (System.getProperty("spark.master") == null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            NeuralNetworkClassifier classifier = new NeuralNetworkClassifier();
            classifier.setNetwork((in, out) -> network).setOptimizer("adam").setTrainingMode(mode)
                    .setAllReduce(allReduce).setAveragingPeriod(averagingPeriod).setEpochs(epochs)
                    .setBatchSize(batchSize).setSeed(seed);
            NeuralNetworkClassificationModel model = classifier.fit(SparkData.of(spark, train, partitions));
            for (EpochFigures epoch : model.history()) {
                System.out.printf(Locale.ROOT, "{\"epoch\": %d, \"mode\": \"%s\", \"all_reduce\": \"%s\", "
                        + "\"partitions\": %d, \"loss\": %.4f, \"seconds\": %.2f, \"samples_per_second\": %.0f, "
                        + "\"compute_seconds\": %.2f, \"jobs\": %d}%n", epoch.epoch(), mode, allReduce, partitions,
                        epoch.loss(), epoch.seconds(), epoch.samplesPerSecond(train.size()), epoch.computeSeconds(),
                        epoch.jobs());
            }
            return model.network();
        } finally {
            spark.stop();
        }
    }

    private Sequential onOneMachine(Sequential network, DataSet train) {
        Trainer trainer = new Trainer(SoftmaxCrossEntropy::new, OptimizerName.ADAM.create(0.001));
        TrainingResult result = trainer.fit(network, train, Fit.epochs(epochs).batchSize(batchSize).seed(seed));
        result.history().forEach(epoch -> System.out.printf(Locale.ROOT, "{\"epoch\": %d, \"mode\": "
                + "\"single-machine\", \"loss\": %.4f, \"seconds\": %.2f, \"samples_per_second\": %.0f}%n",
                epoch.epoch(), epoch.trainLoss(), epoch.seconds(), train.size() / epoch.seconds()));
        return network;
    }
}
