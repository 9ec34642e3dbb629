package io.backprop4j.examples;

import io.backprop4j.examples.report.ReportCommand;
import io.backprop4j.optim.TrainingDivergedException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command-line entry point: {@code java -jar backprop4j-examples.jar COMMAND [OPTIONS]}. Wrong
 * arguments print a one-line error and the usage (exit code 2); a failure the user can fix (a missing data
 * set, a damaged file, training that diverged) prints its message (exit code 1).
 */
@Command(name = "backprop4j", mixinStandardHelpOptions = true, version = "backprop4j 0.1.0",
        description = "Train and inspect neural networks trained by backpropagation.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ConvertCommand.class,
            WorkedExampleCommand.class,
            ClassicsCommands.PerceptronCommand.class, ClassicsCommands.XorCommand.class,
            ClassicsCommands.ApproximateCommand.class, ClassicsCommands.PlaygroundCommand.class, ReportCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler((error, command, parseResult) -> {
            if (error instanceof IOException || error instanceof IllegalArgumentException
                    || error instanceof IllegalStateException || error instanceof TrainingDivergedException) {
                command.getErr().println("backprop4j " + command.getCommandName() + ": " + error.getMessage());
                if (verbose) {
                    error.printStackTrace(command.getErr());
                }
                return 1;
            }
            throw error;
        });
    }

    /** Whether {@code --verbose} was given: ND4J's start-up lines are logged, and a failure prints its stack trace. */
    static boolean verbose;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "also log ND4J's start-up lines, and print a failure's stack trace")
    void setVerbose(boolean on) {
        verbose = on;
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.log.org.nd4j", "info");
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
