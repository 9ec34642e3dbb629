package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.examples.Approximation;
import io.backprop4j.examples.DecisionBoundary;
import io.backprop4j.examples.Perceptron;
import io.backprop4j.examples.ToyProblemTraining;
import io.backprop4j.examples.ToyProblems;
import io.backprop4j.examples.Xor;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The textbook problems as subcommands: perceptron, xor, approximate, playground. */
public final class ClassicsCommands {

    private ClassicsCommands() {
    }

    @Command(name = "perceptron", mixinStandardHelpOptions = true,
            description = "The perceptron rule learns AND and OR, and cannot learn XOR.")
    public static final class PerceptronCommand implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--epochs", defaultValue = "100", description = "Epoch limit (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Override
        public void run() {
            OptionChecks.positive(spec, "--epochs", epochs);
            String[] names = {"AND", "OR", "XOR"};
            double[][] targets = {Perceptron.AND, Perceptron.OR, Perceptron.XOR};
            for (int i = 0; i < names.length; i++) {
                Perceptron.Result r = Perceptron.train(targets[i], 1.0, epochs);
                System.out.printf(Locale.ROOT, "%-3s %s after %d epochs: %d/4 correct, w = (%.1f, %.1f), b = %.1f%n",
                        names[i], r.converged() ? "learned" : "NOT learned", r.epochs(), r.correct(),
                        r.weights()[0], r.weights()[1], r.bias());
            }
            System.out.println("XOR is not linearly separable, so no (w, b) classifies it; one hidden layer "
                    + "does: run 'xor'.");
        }
    }

    @Command(name = "xor", mixinStandardHelpOptions = true,
            description = "One hidden layer (2-4-2, tanh) trained by backpropagation solves XOR.")
    public static final class XorCommand implements Runnable {

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public void run() {
            Sequential model = Xor.train(seed);
            double[][] out = Model.of(model).predict(Xor.DATA.features()).toDoubleMatrix();
            for (int i = 0; i < 4; i++) {
                System.out.printf(Locale.ROOT, "%s -> logits (%.2f, %.2f) -> %d%n",
                        Arrays.toString(Perceptron.INPUTS[i]), out[i][0], out[i][1], out[i][1] > out[i][0] ? 1 : 0);
            }
            System.out.printf(Locale.ROOT, "accuracy %.0f%% (4 examples)%n", 100 * Xor.accuracy(model));
        }
    }

    @Command(name = "approximate", mixinStandardHelpOptions = true,
            description = "One hidden sigmoid layer fits sin(2πx) and a two-step bump on [0, 1].")
    public static final class ApproximateCommand implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--epochs", defaultValue = "2000", description = "Full-batch epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--restarts", defaultValue = "3", description = "Best of this many starts (default: ${DEFAULT-VALUE}).")
        int restarts;

        @Override
        public void run() {
            OptionChecks.positive(spec, "--epochs", epochs);
            OptionChecks.positive(spec, "--restarts", restarts);
            System.out.println("hidden units   MSE sin(2πx)   MSE bump");
            for (int hidden : new int[] {2, 4, 8, 16, 32}) {
                System.out.printf(Locale.ROOT, "%12d   %12.6f   %8.6f%n", hidden,
                        Approximation.bestFit(Approximation.SINE, hidden, epochs, restarts),
                        Approximation.bestFit(Approximation.BUMP, hidden, epochs, restarts));
            }
        }
    }

    @Command(name = "playground", mixinStandardHelpOptions = true, subcommands = PlaygroundServeCommand.class,
            description = {"Trains on the TensorFlow playground's 2-D problems and saves decision boundaries as PNG.",
                "'playground serve' starts the interactive playground in the browser."})
    public static final class DecisionBoundariesCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--dataset", split = ",", defaultValue = "circle,xor,gaussians,spirals",
                description = "Problems: circle, xor, gaussians, spirals (default: all).")
        ToyProblems[] problems;

        @Option(names = "--points", defaultValue = "400", description = "Points per problem (default: ${DEFAULT-VALUE}).")
        int points;

        @Option(names = "--noise", defaultValue = "0.05", description = "Uniform jitter ± (default: ${DEFAULT-VALUE}).")
        double noise;

        @Option(names = "--seed", defaultValue = "1", description = "Seed for data and training (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--epochs", defaultValue = "2000", description = "Full-batch epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--output", defaultValue = "playground", description = "Folder for the PNGs (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws IOException {
            OptionChecks.positive(spec, "--points", points);
            OptionChecks.notNegative(spec, "--noise", noise);
            OptionChecks.positive(spec, "--epochs", epochs);
            Files.createDirectories(out);
            for (ToyProblems problem : problems) {
                DataSet data = problem.generate(points, noise, seed);
                Sequential model = ToyProblemTraining.train(data, epochs, seed);
                Path image = out.resolve(problem.name().toLowerCase(Locale.ROOT) + ".png");
                DecisionBoundary.write(model, data, 400, image);
                System.out.printf(Locale.ROOT, "%-9s training accuracy %.1f%%, boundary in %s%n", problem,
                        100 * ToyProblemTraining.trainingAccuracy(model, data), image);
            }
            return 0;
        }
    }
}
